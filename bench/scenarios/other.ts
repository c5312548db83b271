/**
 * Figures 4 (memory per idle customer), 5 (routing) and 6 (idle-timer bytes),
 * plus a summary of a V8 CPU profile of the server for the README's evidence.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { forkClient, type LoadClient } from '../lib/clients.js';
import { rssBytes } from '../lib/procs.js';
import { createAgents, type Server } from '../lib/servers.js';
import { commandsPer, redisCommandsSoFar } from '../lib/redis-commands.js';
import { quantile } from '../lib/stats.js';
import { takeAddresses } from './chat.js';

async function heapUsed(server: Server): Promise<number> {
  const reply = await server.probe({ probe: 'mem' });
  if (reply.probe !== 'mem') throw new Error('unexpected probe reply');
  return reply.heapUsed;
}

/**
 * Figure 4: connects `count` idle customers (the widget's handshake and
 * `session.ready`; the relay: a bare connection), then reads the server's
 * RSS (/proc) and heap (after a full GC) against the same figures before.
 */
export async function idleMemoryRound(
  server: Server,
  kind: 'switchboard' | 'relay',
  count: number,
  client: LoadClient,
  /** How long the connections settle before the reading (--quick: shorter; its RSS is noise anyway). */
  settleMs: number,
) {
  {
    await sleep(settleMs / 4);
    const heap0 = await heapUsed(server);
    const rss0 = rssBytes(server.pid);
    const setup = await client.send({
      cmd: 'setup',
      target: kind,
      url: server.url,
      agents: [],
      customers: count,
      chats: 0,
      addressBase: takeAddresses(count),
      concurrency: 50,
    });
    if (setup.reply === 'error') throw new Error(`idle ${kind}: ${setup.message}`);
    await sleep(settleMs);
    const heap1 = await heapUsed(server);
    const rss1 = rssBytes(server.pid);
    await client.send({ cmd: 'disconnect' });
    return { rssPerConnection: (rss1 - rss0) / count, heapPerConnection: (heap1 - heap0) / count };
  }
}

/** One load client per side for every memory round (forking one costs seconds on a busy machine). */
export function idleClients(): Promise<[LoadClient, LoadClient]> {
  return Promise.all([forkClient('idle-switchboard'), forkClient('idle-relay')]);
}

export interface RoutingSetup {
  client: LoadClient;
  kind: 'switchboard' | 'relay';
}

/** Figure 5 setup: `agents` online agents whose capacity covers `chats`, and `chats` connected customers. */
export async function prepareRouting(
  server: Server,
  kind: 'switchboard' | 'relay',
  agents: number,
  chats: number,
): Promise<RoutingSetup> {
  const capacity = Math.min(50, Math.ceil(chats / agents));
  const credentials =
    kind === 'switchboard'
      ? await createAgents(server, agents, capacity)
      : Array.from({ length: agents }, () => undefined);
  const client = await forkClient(`routing-${kind}`);
  const setup = await client.send({
    cmd: 'setup',
    target: kind,
    url: server.url,
    agents: credentials,
    customers: chats,
    chats,
    addressBase: takeAddresses(chats),
    concurrency: 50,
  });
  if (setup.reply === 'error') throw new Error(`routing setup ${kind}: ${setup.message}`);
  return { client, kind };
}

/**
 * One round: every customer starts a chat (50 starts outstanding at once);
 * latency is start emitted → the agent socket told (`conversation.updated`
 * active; relay: the relayed message). Then the chats are closed (untimed).
 */
export async function routingRound(
  setup: RoutingSetup,
  concurrency: number,
  measured?: { redisUrl: string; server: Server },
) {
  if (measured) await measured.server.probe({ probe: 'redis-reset' });
  const commandsBefore = measured ? await redisCommandsSoFar(measured.redisUrl) : null;
  const result = await setup.client.result({ cmd: 'start-chats', concurrency, indexBase: 0 });
  const executed =
    measured && commandsBefore
      ? commandsPer(commandsBefore, await redisCommandsSoFar(measured.redisUrl), result.completed)
      : { total: NaN, top: '' };
  const sent = measured ? await measured.server.probe({ probe: 'redis' }) : null;
  const commands =
    sent?.probe === 'redis' && sent.watching
      ? commandsPer(new Map(), new Map(Object.entries(sent.byName)), result.completed)
      : { total: NaN, top: '' };
  const round = {
    perSecond: result.completed / (result.windowMs / 1000),
    p50: quantile(result.latencies, 0.5),
    p99: quantile(result.latencies, 0.99),
    /** Server side of a start: emitted → acked, per attempt; and attempts unanswered within 15 s. */
    startAckP50: quantile(result.startAckMs ?? [], 0.5),
    startAckP99: quantile(result.startAckMs ?? [], 0.99),
    startTimeouts: result.startTimeouts ?? 0,
    startRefusals: result.startRefusals ?? 0,
    /** Redis commands from the first start to the last assignment, per chat (Switchboard only). */
    redisCommandsPerChat: commands.total,
    redisCommandsTop: commands.top,
    redisExecutedPerChat: executed.total,
    redisExecutedTop: executed.top,
  };
  return round;
}

export async function closeRoutingChats(setup: RoutingSetup): Promise<void> {
  const reply = await setup.client.send({ cmd: 'close-chats' });
  if (reply.reply === 'error') throw new Error(`close chats: ${reply.message}`);
}

/** Bytes of every key of a BullMQ queue except its event stream (a capped log, not per-job state). */
async function queueBytes(redis: Redis, queueKey: string): Promise<{ bytes: number; delayed: number; keys: number }> {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${queueKey}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of found) {
      if (key.endsWith(':events')) continue;
      bytes += Number(await redis.memory('USAGE', key, 'SAMPLES', 0));
      keys += 1;
    }
  } while (cursor !== '0');
  return { bytes, delayed: await redis.zcard(`${queueKey}:delayed`), keys };
}

/**
 * Figure 6 (bytes): Switchboard's pending idle timers (one per assigned chat,
 * queue `idle-timers`) against `count` bare BullMQ delayed jobs with default
 * options and the same payload, both measured key by key with MEMORY USAGE.
 */
export async function timerBytes(redisUrl: string, server: Server) {
  const redis = new Redis(redisUrl);
  try {
    const switchboard = await queueBytes(redis, `${server.prefix}:bull:idle-timers`);
    const count = Math.max(1, switchboard.delayed);
    const prefix = `${server.prefix}_bare`;
    const queue = new Queue('bare-timers', { connection: { url: redisUrl }, prefix });
    const payload = { conversationId: '0123456789abcdef01234567' };
    await queue.addBulk(
      Array.from({ length: count }, () => ({ name: 'idle', data: payload, opts: { delay: 180_000 } })),
    );
    const bare = await queueBytes(redis, `${prefix}:bare-timers`);
    await queue.obliterate({ force: true });
    await queue.close();
    return {
      pending: switchboard.delayed,
      switchboardPerTimer: switchboard.bytes / count,
      barePerJob: bare.bytes / Math.max(1, bare.delayed),
    };
  } finally {
    redis.disconnect();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

/** Self time of a .cpuprofile grouped by package (or node internals, GC, idle), largest first. */
export function summarizeProfile(file: string, top = 10): { group: string; share: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const groups = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { url, functionName } = node.callFrame;
    const pkg = /node_modules\/\.pnpm\/((?:@[^+/]+\+)?[^@/]+)@/.exec(url)?.[1]?.replace('+', '/');
    const group =
      pkg ??
      (url.includes('/server/dist/')
        ? 'switchboard server'
        : url.includes('/shared/dist/')
          ? 'switchboard shared'
          : url.startsWith('node:')
            ? 'node internals'
            : url === ''
              ? functionName || '(native)'
              : 'other');
    groups.set(group, (groups.get(group) ?? 0) + hits);
    total += hits;
  }
  return [...groups.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([group, hits]) => ({ group, share: hits / total }));
}
