/**
 * Flood figure: what other customers feel while one anonymous visitor floods
 * the server with reads. Twenty customers, each on an address of its own, send
 * a message every 250 ms and time each `message.send` ack; meanwhile one
 * visitor fires 400 concurrent `conversation.sync` calls with 20 cursors each.
 * Prints the others' ack latency (p50, p99, max) before and during the flood,
 * and how the flooder was answered, for Switchboard as configured and, in the
 * same run, with the flood guard's budgets lifted (what the outside probe met:
 * a 42 s ack). The target is an ack p99 under 2 s during the flood on the
 * 2-core machine; this prints it, nothing asserts it (the integration test
 * tests/security/flood.test.ts asserts that the flooder gets RATE_LIMITED).
 *
 *   pnpm build && pnpm --filter @switchboard/bench run flood   (REDIS_URL / MONGODB_URI optional)
 *
 * Every client runs in this process; the server is a separate production
 * process (bench/lib/servers.ts) behind no proxy, with TRUST_PROXY=loopback so
 * each client can name its own address in X-Forwarded-For, as a proxy would.
 */
import { PROTOCOL_VERSION, type AckResult, type ConversationStarted } from '@switchboard/shared';
import { loadConfig } from '@switchboard/server';
import { io, type Socket } from 'socket.io-client';
import { startServices } from '../scripts/services/index.js';
import { startSwitchboard, type Server } from './lib/servers.js';
import { fmt, quantile } from './lib/stats.js';

const OTHERS = Number(process.env.BENCH_FLOOD_OTHERS ?? 20);
const FLOOD_REQUESTS = Number(process.env.BENCH_FLOOD_REQUESTS ?? 400);
const CURSORS = 20;
const SEND_EVERY_MS = 250;
const BASELINE_MS = 5_000;
const ACK_TIMEOUT_MS = 120_000;

interface Client {
  socket: Socket;
  conversationId: string;
}

async function connect(server: Server, address: string): Promise<Client> {
  const socket = io(`${server.url}/customer`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { origin: server.url, 'x-forwarded-for': address },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const started = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('conversation.start', {
    prechat: { name: 'Bench', topic: 'flood', language: 'en' },
  })) as AckResult<ConversationStarted>;
  if (!started.ok) throw new Error(`start: ${started.error.code}`);
  return { socket, conversationId: started.data.conversation.id };
}

/** Sends from every client every SEND_EVERY_MS until stopped; each ack's latency is recorded with its send time. */
function chatter(clients: Client[]) {
  const samples: { at: number; ms: number; ok: boolean }[] = [];
  let running = true;
  const loops = clients.map(async (client, i) => {
    await new Promise((resolve) => setTimeout(resolve, (i * SEND_EVERY_MS) / clients.length));
    for (let n = 0; running; n += 1) {
      const at = performance.now();
      const result = (await client.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('message.send', {
          conversationId: client.conversationId,
          clientMessageId: `b${i}-${n}-${Math.random().toString(36).slice(2, 10)}`,
          body: `message ${n}`,
        })
        .catch(() => ({ ok: false }))) as { ok: boolean };
      samples.push({ at, ms: performance.now() - at, ok: result.ok });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, SEND_EVERY_MS - (performance.now() - at))));
    }
  });
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function round(label: string, env: Record<string, string>, services: { mongoUri: string; redisUrl: string }) {
  const server = await startSwitchboard(`flood-${label}`, {
    mongoUri: services.mongoUri,
    redisUrl: services.redisUrl,
    extraEnv: { TRUST_PROXY: 'loopback', ...env },
  });
  try {
    const others = await Promise.all(Array.from({ length: OTHERS }, (_, i) => connect(server, `198.51.100.${i + 1}`)));
    const flooder = await connect(server, '203.0.113.66');
    const load = chatter(others);
    await new Promise((resolve) => setTimeout(resolve, BASELINE_MS));
    const floodStart = performance.now();
    const cursors = Array.from({ length: CURSORS }, () => ({ conversationId: flooder.conversationId, afterSeq: 0 }));
    const answers = await Promise.all(
      Array.from(
        { length: FLOOD_REQUESTS },
        () =>
          flooder.socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck('conversation.sync', { cursors })
            .catch(() => ({ ok: false, error: { code: 'TIMEOUT' } })) as Promise<AckResult<unknown>>,
      ),
    );
    const floodEnd = performance.now();
    // One more second after the flood's last answer: what it left behind counts too.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await load.stop();
    for (const client of [...others, flooder]) client.socket.disconnect();

    const before = load.samples.filter((sample) => sample.at < floodStart).map((sample) => sample.ms);
    const during = load.samples.filter((sample) => sample.at >= floodStart).map((sample) => sample.ms);
    const failed = load.samples.filter((sample) => sample.at >= floodStart && !sample.ok).length;
    const outcome: Record<string, number> = {};
    for (const answer of answers) {
      const code = answer.ok ? 'ok' : answer.error.code;
      outcome[code] = (outcome[code] ?? 0) + 1;
    }
    return {
      label,
      before,
      during,
      failed,
      floodSeconds: (floodEnd - floodStart) / 1000,
      outcome: Object.entries(outcome)
        .map(([code, count]) => `${code} ${count}`)
        .join(', '),
    };
  } finally {
    await server.stop();
  }
}

const services = await startServices();
try {
  const unbounded = {
    VISITOR_EVENT_BUDGET: '10000000',
    ADDRESS_EVENT_BUDGET: '10000000',
    SOCKET_REQUESTS_IN_FLIGHT: '10000',
  };
  // The bench's servers lift every abuse bound (they measure the message path); this figure puts the
  // flood guard's defaults back.
  const defaults = loadConfig({});
  const guarded = {
    SOCKET_REQUESTS_IN_FLIGHT: String(defaults.SOCKET_REQUESTS_IN_FLIGHT),
    VISITOR_EVENT_BUDGET: String(defaults.VISITOR_EVENT_BUDGET),
    AGENT_EVENT_BUDGET: String(defaults.AGENT_EVENT_BUDGET),
    ADDRESS_EVENT_BUDGET: String(defaults.ADDRESS_EVENT_BUDGET),
  };
  const results = [
    await round('guarded (defaults)', guarded, services),
    await round('budgets lifted', unbounded, services),
  ];
  const ms = (values: number[], q: number) => fmt(quantile(values, q), ' ms');
  process.stdout.write(
    `\nOther customers' message.send acks (${OTHERS} customers, one send each per ${SEND_EVERY_MS} ms) while one visitor sends ${FLOOD_REQUESTS} concurrent conversation.sync × ${CURSORS} cursors:\n\n`,
  );
  const header = [
    'server',
    'acks before',
    'p50 / p99 before',
    'acks during',
    'p50 / p99 / max during',
    'failed during',
    'flood answered in',
    "flooder's answers",
  ];
  const rows = results.map((result) => [
    result.label,
    String(result.before.length),
    `${ms(result.before, 0.5)} / ${ms(result.before, 0.99)}`,
    String(result.during.length),
    `${ms(result.during, 0.5)} / ${ms(result.during, 0.99)} / ${fmt(Math.max(...result.during), ' ms')}`,
    String(result.failed),
    fmt(result.floodSeconds, ' s'),
    result.outcome,
  ]);
  process.stdout.write(
    [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n') + '\n',
  );
  process.stdout.write('\n');
} finally {
  await services.stop();
}
