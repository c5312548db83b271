/**
 * The attachments figure: N customers upload a file of M MB each at the same
 * moment (the widget's steps: `attachment.prepare` over the socket, then a
 * streamed PUT). Reports the upload throughput and how far the server's RSS
 * rose above where it stood before, sampled every 50 ms: files are streamed to
 * a temporary file and on to GridFS a chunk at a time, so the RSS must not
 * grow by the files' total size.
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

export async function uploadsFigure(ctx: Context): Promise<Figure> {
  const customers = 20;
  const megabytes = 10;
  const rounds = ctx.quick ? 1 : ctx.rounds;
  await ctx.fresh({
    extraEnv: {
      ATTACHMENT_MAX_BYTES: `${megabytes + 1}MB`,
      ATTACHMENT_CONVERSATION_BYTES: '1000MB',
      CUSTOMER_UPLOAD_RATE: '100000',
    },
  });
  ctx.say(`uploads: ${customers} customers × ${megabytes} MB at once, ${rounds} round(s)`);
  const file = testFile(megabytes);
  const results: Awaited<ReturnType<typeof uploadRound>>[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const result = await uploadRound(ctx, customers, megabytes, file);
    ctx.say(
      `  round ${round + 1}: ${fmt(result.seconds)} s, ${fmt(result.megabytesPerSecond)} MB/s, RSS +${fmt(result.rssGrowthMb)} MB`,
    );
    results.push(result);
  }
  const total = customers * megabytes;
  return {
    rows: [
      measuredRow({
        figure: `A1. upload throughput, ${customers} customers × ${megabytes} MB at once (GridFS)`,
        a: results.map((result) => result.megabytesPerSecond),
        b: null,
        unit: ' MB/s',
        target: 'report',
      }),
      measuredRow({
        figure: `A2. server RSS growth while ${customers} × ${megabytes} MB upload (files: ${total} MB)`,
        a: results.map((result) => result.rssGrowthMb),
        b: null,
        unit: ' MB',
        target: `≤ ${total / 4} MB (a quarter of the files)`,
        pass: (_ratio, growth) => growth <= total / 4,
      }),
    ],
    raw: results,
  };
}
