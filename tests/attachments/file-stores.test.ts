import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createApp, loadConfig } from '@switchboard/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startS3, type RunningS3 } from '../../scripts/services/s3.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';
import { s3StoreEnv } from './s3-env.js';
import { expectUploaded, tinyPdf, upload } from './upload-helpers.js';

const KB = 1024;
const MB = 1024 * KB;
const DAY = 86_400_000;

/** `bytes` handed over `size` bytes at a time, as a file read from disk arrives. */
function* inPieces(bytes: Buffer, size = 64 * KB): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** A PDF padded to `size` bytes with bytes that say where they are. */
function pdfOf(size: number): Buffer {
  const head = tinyPdf();
  const rest = Buffer.alloc(size - head.length);
  for (let i = 0; i < rest.length; i += 1) rest[i] = i % 251;
  return Buffer.concat([head, rest]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** One S3-compatible server (gofakes3, built and started by scripts/services) for the file. */
let s3: RunningS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(() => s3.stop());

/**
 * What the attachments feature asks of a file store, against both stores it
 * can be given: GridFS (the default) and an S3 bucket (ATTACHMENT_STORE=s3).
 * Each test also looks where the store keeps its bytes without going through
 * it (the GridFS collection, the S3 server over HTTP), so a store that wrote
 * somewhere else would fail here.
 */
describe.each(['GridFS', 'S3'] as const)('the %s file store', (kind) => {
  let server: TestServer;
  const store = () => server.app.services.attachmentStore;
  const key = () => `${randomUUID()}.test.original`;
  const heldBy = async (stored: string): Promise<boolean> => {
    if (kind === 'S3') {
      const answer = await fetch(`${s3.endpoint}/${s3.bucket}/${encodeURIComponent(stored)}`, { method: 'HEAD' });
      return answer.status === 200;
    }
    const files = server.app.mongo.db!.collection('attachments.files');
    return (await files.countDocuments({ _id: stored as never })) === 1;
  };

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: kind === 'S3' ? s3StoreEnv(s3) : {} });
  });
  afterAll(() => server.stop());

  it('stores a stream of known or unknown length, and reads it back whole and by byte range', async () => {
    const bytes = randomBytes(300 * KB);
    const known = key();
    const unknown = key();
    const pdf = { contentType: 'application/pdf' };
    expect(await store().write(known, Readable.from(inPieces(bytes)), { ...pdf, size: bytes.length })).toBe(
      bytes.length,
    );
    expect(await store().write(unknown, Readable.from(inPieces(bytes)), pdf)).toBe(bytes.length);
    for (const stored of [known, unknown]) {
      expect(await heldBy(stored)).toBe(true);
      const file = await store().read(stored);
      expect(file?.size).toBe(bytes.length);
      expect(sha256(await buffer(file!.stream()))).toBe(sha256(bytes));
      for (const [start, end] of [
        [0, 0],
        [1000, 1999],
        [bytes.length - 10, bytes.length - 1],
      ] as const) {
        expect((await buffer(file!.stream({ start, end }))).equals(bytes.subarray(start, end + 1))).toBe(true);
      }
    }
  });

  it('answers null for a key never written; removes a file, and removing it again is no error', async () => {
    expect(await store().read(key())).toBeNull();
    const stored = key();
    const bytes = pdfOf(2 * KB);
    await store().write(stored, Readable.from([bytes]), { contentType: 'application/pdf', size: bytes.length });
    expect(await heldBy(stored)).toBe(true);
    await store().remove(stored);
    expect(await store().read(stored)).toBeNull();
    expect(await heldBy(stored)).toBe(false);
    // Deletes are retried (a retention run cut short): the second one finds nothing and is fine.
    await expect(store().remove(stored)).resolves.toBeUndefined();
  });

  it('takes 10 MB of unknown length as a stream (S3: in parts) and gives the same bytes back', async () => {
    const bytes = randomBytes(10 * MB);
    const stored = key();
    expect(await store().write(stored, Readable.from(inPieces(bytes)), { contentType: 'application/pdf' })).toBe(
      bytes.length,
    );
    expect(await heldBy(stored)).toBe(true);
    const file = await store().read(stored);
    expect(file?.size).toBe(bytes.length);
    const read = createHash('sha256');
    for await (const chunk of file!.stream()) read.update(chunk as Buffer);
    expect(read.digest('hex')).toBe(sha256(bytes));
  });

  it('keeps a 10 MB upload sent through the server, serves ranges of it, and retention deletes it', async () => {
    const customer = new TestCustomer(server.url);
    await customer.connect();
    try {
      const { conversation } = await customer.start();
      const bytes = pdfOf(10 * MB);
      const view = expectUploaded(await upload(server.url, customer, conversation.id, { name: 'big.pdf', bytes }));
      expect(view.size).toBe(bytes.length);
      const found = await server.app.services.attachments.model.findById(view.id).lean();
      const original = found?.files?.original ?? '';
      expect(await heldBy(original)).toBe(true);

      const part = await fetch(`${server.url}${view.url}`, { headers: { range: 'bytes=5000000-5000099' } });
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(5_000_000, 5_000_100))).toBe(true);

      // Past the retention (90 days by default): the bytes go, "removed" stays.
      await server.app.services.attachmentRetention.run(new Date(Date.now() + 91 * DAY));
      expect(await heldBy(original)).toBe(false);
      expect((await fetch(`${server.url}${view.url}`)).status).toBe(404);
    } finally {
      customer.disconnect();
    }
  });
});

describe('the S3 store with a bucket that is not there', () => {
  it('refuses to start, naming the setting to fix', async () => {
    const namespace = uniqueNamespace(import.meta.filename);
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: namespace,
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: namespace,
      ...s3StoreEnv(s3),
      S3_BUCKET: 'no-such-bucket',
    });
    const app = await createApp(config);
    try {
      await expect(app.listen()).rejects.toThrow(
        /S3_BUCKET: the bucket "no-such-bucket" at http:\/\/127\.0\.0\.1:\d+ does not exist/,
      );
    } finally {
      await app.stop();
    }
  });
});
