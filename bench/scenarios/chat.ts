/**
 * Figures 1, 3 and 8: customer → agent messages through the full path
 * (validate → authorize → rate limit → mask → lock + store → ack →
 * broadcast) against the bare relay, alternating A B A B in one run.
 * A message counts once the customer has its ack AND the agent socket has it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { all, forkClient, type LoadClient, type ResultReply } from '../lib/clients.js';
import { cpuSeconds } from '../lib/procs.js';
import { commandsPer, redisCommandsSoFar } from '../lib/redis-commands.js';
import { createAgents, type Server } from '../lib/servers.js';
import { quantile } from '../lib/stats.js';

export interface ChatShape {
  chats: number;
  inFlight: number;
  /** Load client processes; chats are split between them. */
  clients: number;
  warmupMs: number;
  measureMs: number;
}

export interface ChatRound {
  perSecond: number;
  p50: number;
  p99: number;
  /** Server CPU seconds (user + system, /proc) per 10 000 completed messages. */
  cpuPer10k: number;
  /** The same for the database and Redis processes (Switchboard only; evidence of where the time goes). */
  dbCpuPer10k: number;
  redisCpuPer10k: number;
  /** Redis commands the server sent per completed message (Switchboard only; NaN for the relay, which has no Redis). */
  redisCommandsPerMessage: number;
  /** The biggest of them by command name, per message. */
  redisCommandsTop: string;
  /** Commands Redis executed per message (INFO commandstats: the ones inside scripts too, background work included). */
  redisExecutedPerMessage: number;
  redisExecutedTop: string;
  errors: number;
  completed: number;
}

export interface Prepared {
  server: Server;
  clients: LoadClient[];
}

const MAX_CAPACITY = 50; // an agent's capacity limit (shared/src/agents.ts)

let addressCursor = 1_000;
/** Loopback addresses never repeat within a run, so no chat start meets the per-address limit twice. */
export function takeAddresses(count: number): number {
  const base = addressCursor;
  addressCursor += count + 1;
  return base;
}

/**
 * Connects this shape's agents and customers and starts every chat. Clients
 * are prepared one after the other and each one's agents are exactly filled
 * by its own chats, so routing never hands one client's chat to another's agent.
 */
export async function prepareChats(server: Server, kind: 'switchboard' | 'relay', shape: ChatShape): Promise<Prepared> {
  const clients: LoadClient[] = [];
  let indexBase = 0;
  for (let index = 0; index < shape.clients; index += 1) {
    const chats = Math.floor(shape.chats / shape.clients) + (index < shape.chats % shape.clients ? 1 : 0);
    const agentCount = Math.ceil(chats / MAX_CAPACITY);
    const capacity = Math.ceil(chats / agentCount);
    const agents =
      kind === 'switchboard'
        ? await createAgents(server, agentCount, capacity)
        : Array.from({ length: agentCount }, () => undefined);
    const client = await forkClient(`client-${kind}-${index}`);
    clients.push(client);
    const setup = await client.send({
      cmd: 'setup',
      target: kind,
      url: server.url,
      agents,
      customers: chats,
      chats,
      addressBase: takeAddresses(chats),
      concurrency: 20,
    });
    if (setup.reply === 'error') throw new Error(`setup ${kind}: ${setup.message}`);
    await client.result({ cmd: 'start-chats', concurrency: 10, indexBase });
    indexBase += chats;
  }
  return { server, clients };
}

export async function chatRound(
  prepared: Prepared,
  shape: ChatShape,
  services: { dbPid: number | null; redisPid: number | null; redisUrl?: string },
): Promise<ChatRound> {
  const { server, clients } = prepared;
  await all(clients, { cmd: 'load', inFlight: shape.inFlight });
  await sleep(shape.warmupMs);
  const cpu = () => ({
    server: cpuSeconds(server.pid),
    db: services.dbPid ? cpuSeconds(services.dbPid) : NaN,
    redis: services.redisPid ? cpuSeconds(services.redisPid) : NaN,
  });
  const commands = () =>
    services.redisUrl ? redisCommandsSoFar(services.redisUrl) : Promise.resolve(new Map<string, number>());
  await all(clients, { cmd: 'mark' });
  if (services.redisUrl) await server.probe({ probe: 'redis-reset' });
  const commandsBefore = await commands();
  const before = cpu();
  await sleep(shape.measureMs);
  const after = cpu();
  const commandsAfter = await commands();
  const sent = services.redisUrl ? await server.probe({ probe: 'redis' }) : null;
  const results = (await all(clients, { cmd: 'stop' })) as ResultReply[];
  const completed = results.reduce((sum, result) => sum + result.completed, 0);
  const windowMs = Math.max(...results.map((result) => result.windowMs));
  const latencies = results.flatMap((result) => result.latencies);
  const per10k = (seconds: number) => (completed > 0 ? (seconds / completed) * 10_000 : NaN);
  const executed = services.redisUrl ? commandsPer(commandsBefore, commandsAfter, completed) : { total: NaN, top: '' };
  const redisCommands =
    sent?.probe === 'redis' && sent.watching
      ? commandsPer(new Map(), new Map(Object.entries(sent.byName)), completed)
      : { total: NaN, top: '' };
  return {
    perSecond: completed / (windowMs / 1000),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    cpuPer10k: per10k(after.server - before.server),
    dbCpuPer10k: per10k(after.db - before.db),
    redisCpuPer10k: per10k(after.redis - before.redis),
    redisCommandsPerMessage: redisCommands.total,
    redisCommandsTop: redisCommands.top,
    redisExecutedPerMessage: executed.total,
    redisExecutedTop: executed.top,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    completed,
  };
}

export async function releaseChats(prepared: Prepared): Promise<void> {
  await Promise.all(prepared.clients.map((client) => client.exit()));
}

/**
 * Figure 2: the share of the path spent waiting on the database. With one
 * message in flight nothing overlaps, so Σ(driver-timed command durations) /
 * Σ(send → ack-and-delivered) is that share; under load, the wall-clock share
 * with at least one command outstanding. Needs a server started with the
 * probe's DB monitoring (BENCH_DB_MONITOR=1).
 */
export async function dbShare(prepared: Prepared, shape: ChatShape) {
  const { server, clients } = prepared;
  await all(clients, { cmd: 'load', inFlight: shape.inFlight });
  await sleep(shape.warmupMs);
  await server.probe({ probe: 'db-reset' });
  await all(clients, { cmd: 'mark' });
  await sleep(shape.measureMs);
  const db = await server.probe({ probe: 'db' });
  const results = (await all(clients, { cmd: 'stop' })) as ResultReply[];
  if (db.probe !== 'db' || !db.monitoring) throw new Error('DB monitoring is off in the profiled server');
  const completed = results.reduce((sum, result) => sum + result.completed, 0);
  const pathMs = results.flatMap((result) => result.latencies).reduce((sum, value) => sum + value, 0);
  const windowMs = Math.max(...results.map((result) => result.windowMs));
  return {
    completed,
    commandsPerMessage: db.commands / Math.max(1, completed),
    dbMsPerMessage: db.totalMs / Math.max(1, completed),
    pathMsPerMessage: pathMs / Math.max(1, completed),
    /** Σ command time / Σ path time (meaningful with one message in flight). */
    share: db.totalMs / pathMs,
    /** Wall time with ≥ 1 command outstanding / window. */
    busyShare: db.busyMs / windowMs,
    byName: db.byName,
  };
}
