import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type RunningS3 } from '../../scripts/services/s3.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { s3StoreEnv } from './s3-env.js';
import { expectUploaded, tinyPdf, upload } from './upload-helpers.js';

/** A PDF of 600 KB whose every byte says where it is (GridFS cuts files into 255 KB chunks). */
function numberedPdf(): Buffer {
  const head = tinyPdf();
  const rest = Buffer.alloc(600 * 1024 - head.length);
  for (let i = 0; i < rest.length; i += 1) rest[i] = (head.length + i) % 251;
  return Buffer.concat([head, rest]);
}

/**
 * Downloads answer `Range` as browsers use it: a PDF viewer reading the part
 * it shows, a download resuming where it stopped. From either store: GridFS
 * reads the chunks a range covers, S3 is asked for the range.
 */
describe.each(['GridFS', 'S3'] as const)('file downloads in parts (HTTP Range), files in %s', (kind) => {
  let s3: RunningS3 | undefined;
  let server: TestServer;
  let customer: TestCustomer;
  let url = '';
  const bytes = numberedPdf();
  const get = (headers: Record<string, string> = {}) => fetch(`${server.url}${url}`, { headers });
  const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

  beforeAll(async () => {
    if (kind === 'S3') s3 = await startS3();
    server = await startTestServer({ testFile: import.meta.filename, env: s3 ? s3StoreEnv(s3) : {} });
    customer = new TestCustomer(server.url);
    await customer.connect();
    const { conversation } = await customer.start();
    const view = expectUploaded(await upload(server.url, customer, conversation.id, { name: 'manual.pdf', bytes }));
    url = view.url ?? '';
  });
  afterAll(async () => {
    customer.disconnect();
    await server.stop();
    await s3?.stop();
  });

  it('says it takes ranges, and answers one range with those bytes only (206)', async () => {
    const whole = await get();
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect((await body(whole)).equals(bytes)).toBe(true);

    const size = bytes.length;
    const boundary = 255 * 1024; // where GridFS's first chunk ends
    for (const [asked, start, end] of [
      ['bytes=0-99', 0, 99],
      [`bytes=${boundary - 10}-${boundary + 9}`, boundary - 10, boundary + 9],
      ['bytes=-500', size - 500, size - 1],
      [`bytes=${size - 100}-`, size - 100, size - 1],
      [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
    ] as const) {
      const part = await get({ range: asked });
      expect(part.status, asked).toBe(206);
      expect(part.headers.get('content-range'), asked).toBe(`bytes ${start}-${end}/${size}`);
      expect(part.headers.get('content-length'), asked).toBe(String(end - start + 1));
      expect((await body(part)).equals(bytes.subarray(start, end + 1)), asked).toBe(true);
    }
  });

  it('refuses a range wholly past the end with 416 and the size', async () => {
    const refused = await get({ range: `bytes=${bytes.length}-` });
    expect(refused.status).toBe(416);
    expect(refused.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    expect(await refused.json()).toMatchObject({ error: { code: 'RANGE_NOT_SATISFIABLE' } });
  });

  it('answers the whole file to a malformed range, to several ranges, and when If-Range names other bytes', async () => {
    const whole = await get();
    const etag = whole.headers.get('etag') ?? '';
    await whole.arrayBuffer();
    const otherwiseWhole: Record<string, string>[] = [
      { range: 'bytes=abc' },
      { range: 'bytes=0-9,100-109' },
      { range: 'bytes=0-9', 'if-range': '"another-version"' },
      { range: 'bytes=0-9', 'if-range': new Date().toUTCString() },
    ];
    for (const headers of otherwiseWhole) {
      const answer = await get(headers);
      expect(answer.status, JSON.stringify(headers)).toBe(200);
      expect((await body(answer)).length).toBe(bytes.length);
    }
    const resumed = await get({ range: 'bytes=10-19', 'if-range': etag });
    expect(resumed.status).toBe(206);
    expect((await body(resumed)).equals(bytes.subarray(10, 20))).toBe(true);
  });
});
