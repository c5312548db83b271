/**
 * The attachments figure: N customers upload a file of M MB each at the same
 * moment (the widget's steps: `attachment.prepare` over the socket, then a
 * streamed PUT). Reports the upload throughput and how far the server's RSS
 * rose above where it stood before, sampled every 50 ms: files are streamed to
 * a temporary file and on to the store a chunk at a time, so the RSS must not
 * grow by the files' total size. Run twice: files in GridFS (the default),
 * then in an S3 bucket (ATTACHMENT_STORE=s3, on gofakes3 started by
 * scripts/services; its own memory is not counted, as FerretDB's is not).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PROTOCOL_VERSION,
  type AckResult,
  type AttachmentPrepared,
  type ConversationStarted,
} from '@switchboard/shared';
import { io, type Socket } from 'socket.io-client';
import { startS3 } from '../../scripts/services/s3.js';
import type { Context, Figure } from '../figures.js';
import { addressFor } from '../load/protocol.js';
import { rssBytes } from '../lib/procs.js';
import { measuredRow } from '../lib/report.js';
import { fmt } from '../lib/stats.js';
import { takeAddresses } from './chat.js';

const MB = 1024 * 1024;

/** A PDF by its first bytes (the allowlist's type), random after that: nothing compresses it. */
function testFile(megabytes: number): string {
  const file = path.join(tmpdir(), `switchboard-bench-upload-${megabytes}mb.pdf`);
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(megabytes * MB - 9)]));
  return file;
}

async function customer(url: string): Promise<{ socket: Socket; conversationId: string }> {
  // Its own address: earlier parts of the run spent 127.0.0.1's chat starts. (Passed through
  // to Node's websocket client, which socket.io-client's option types do not list.)
  const transport = { localAddress: addressFor(takeAddresses(1)) };
  const socket = io(`${url}/customer`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { origin: url },
    ...transport,
  });
  const started = (await socket.timeout(20_000).emitWithAck('conversation.start', {
    prechat: { name: 'Bench', email: 'bench@example.com', topic: 'bench-uploads', language: 'en' },
  })) as AckResult<ConversationStarted>;
  if (!started.ok) throw new Error(`start refused: ${started.error.code}`);
  return { socket, conversationId: started.data.conversation.id };
}

function put(url: string, file: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request(
      target,
      { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    createReadStream(file).pipe(outgoing);
  });
}

async function uploadRound(ctx: Context, customers: number, megabytes: number, file: string) {
  const { url, pid } = ctx.sb;
  const people = await Promise.all(Array.from({ length: customers }, () => customer(url)));
  try {
    const size = megabytes * MB;
    const tickets = await Promise.all(
      people.map(async ({ socket, conversationId }) => {
        const prepared = (await socket.timeout(20_000).emitWithAck('attachment.prepare', {
          conversationId,
          uploadId: randomUUID(),
          name: 'bench.pdf',
          size,
        })) as AckResult<AttachmentPrepared>;
        if (!prepared.ok) throw new Error(`prepare refused: ${prepared.error.code} ${prepared.error.message}`);
        return `${url}${prepared.data.uploadUrl}`;
      }),
    );
    const before = rssBytes(pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(pid));
    }, 50);
    const started = performance.now();
    const statuses = await Promise.all(tickets.map((ticket) => put(ticket, file, size)));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssBytes(pid));
    const refused = statuses.filter((status) => status !== 201).length;
    if (refused > 0) throw new Error(`${refused} uploads not stored (statuses ${statuses.join(',')})`);
    return { seconds, megabytesPerSecond: (customers * megabytes) / seconds, rssGrowthMb: (peak - before) / MB };
  } finally {
    for (const { socket } of people) socket.disconnect();
  }
}

type RoundResult = Awaited<ReturnType<typeof uploadRound>>;

const CUSTOMERS = 20;
const MEGABYTES = 10;

/** A fresh server with `storeEnv`, then the rounds; returns each round's result. */
async function measureStore(ctx: Context, store: string, storeEnv: Record<string, string>, file: string) {
  const rounds = ctx.quick ? 1 : ctx.rounds;
  await ctx.fresh({
    extraEnv: {
      ATTACHMENT_MAX_BYTES: `${MEGABYTES + 1}MB`,
      ATTACHMENT_CONVERSATION_BYTES: '1000MB',
      CUSTOMER_UPLOAD_RATE: '100000',
      ...storeEnv,
    },
  });
  ctx.say(`uploads to ${store}: ${CUSTOMERS} customers × ${MEGABYTES} MB at once, ${rounds} round(s)`);
  const results: RoundResult[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const result = await uploadRound(ctx, CUSTOMERS, MEGABYTES, file);
    ctx.say(
      `  round ${round + 1}: ${fmt(result.seconds)} s, ${fmt(result.megabytesPerSecond)} MB/s, RSS +${fmt(result.rssGrowthMb)} MB`,
    );
    results.push(result);
  }
  return results;
}

function rowsFor(store: string, numbers: [string, string], results: RoundResult[]) {
  const total = CUSTOMERS * MEGABYTES;
  return [
    measuredRow({
      figure: `${numbers[0]}. upload throughput, ${CUSTOMERS} customers × ${MEGABYTES} MB at once (${store})`,
      a: results.map((result) => result.megabytesPerSecond),
      b: null,
      unit: ' MB/s',
      target: 'report',
    }),
    measuredRow({
      figure: `${numbers[1]}. server RSS growth while ${CUSTOMERS} × ${MEGABYTES} MB upload to ${store} (files: ${total} MB)`,
      a: results.map((result) => result.rssGrowthMb),
      b: null,
      unit: ' MB',
      target: `≤ ${total / 4} MB (a quarter of the files)`,
      pass: (_ratio, growth) => growth <= total / 4,
    }),
  ];
}

export async function uploadsFigure(ctx: Context): Promise<Figure> {
  const file = testFile(MEGABYTES);
  const gridFs = await measureStore(ctx, 'GridFS', {}, file);
  const s3 = await startS3();
  let inS3: RoundResult[];
  try {
    inS3 = await measureStore(
      ctx,
      'S3',
      {
        ATTACHMENT_STORE: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        S3_ACCESS_KEY_ID: 'bench',
        S3_SECRET_ACCESS_KEY: 'bench-secret',
      },
      file,
    );
  } finally {
    // The next part gets a fresh server anyway; this one must not keep writing to a stopped store.
    await ctx.fresh();
    await s3.stop();
  }
  return {
    rows: [...rowsFor('GridFS', ['A1', 'A2'], gridFs), ...rowsFor('S3, gofakes3', ['A3', 'A4'], inS3)],
    raw: { gridFs, s3: inS3 },
  };
}
