/**
 * Preloaded (`node --import tsx --import bench/lib/probe.ts …`) into the
 * Switchboard server and the baselines, so the harness can read heap figures
 * and database wait time without a line of server code knowing about it.
 *
 * - `mem`: garbage-collects first when --expose-gc is on, then memoryUsage().
 * - `db` (BENCH_DB_MONITOR=1 only, it costs a little per command): turns on
 *   the MongoDB driver's command monitoring for every client mongoose opens
 *   and sums command durations and the wall time with a command in flight.
 * - `redis`: the Redis commands the process sent, by name (a counter per
 *   command sent through ioredis: the round trips the server asks of Redis,
 *   where Redis's own statistics also count the commands inside scripts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DbReply, ProbeReply, ProbeRequest } from './probe-protocol.js';

interface CommandEvent {
  requestId: number;
  commandName: string;
  duration?: number;
  /** commandStarted only: the command document, whose field named after the command is the collection. */
  command?: Record<string, unknown>;
}
interface Emitter {
  on(event: string, listener: (event: CommandEvent) => void): void;
  monitorCommands: boolean;
}

const db: Omit<DbReply, 'probe'> = {
  commands: 0,
  totalMs: 0,
  busyMs: 0,
  byName: {},
  byTarget: {},
  monitoring: false,
};
/** Collection of each outstanding command, by request id (the finish events do not carry it). */
const targets = new Map<number, string>();
let outstanding = 0;
let busySince = 0;

function monitorMongo(): void {
  // The server's mongoose (and through it the one mongodb driver) as the server resolves it.
  const fromServer = createRequire(path.resolve(import.meta.dirname, '..', '..', 'server', 'package.json'));
  const fromMongoose = createRequire(fromServer.resolve('mongoose'));
  const { MongoClient } = fromMongoose('mongodb') as {
    MongoClient: { prototype: Emitter & { connect: (this: Emitter) => unknown } };
  };
  const connect = MongoClient.prototype.connect;
  MongoClient.prototype.connect = function (this: Emitter) {
    this.monitorCommands = true;
    this.on('commandStarted', (event) => {
      const collection = event.command?.[event.commandName];
      targets.set(event.requestId, typeof collection === 'string' ? collection : '');
      if (outstanding++ === 0) busySince = performance.now();
    });
    const finished = (event: CommandEvent) => {
      db.commands += 1;
      db.totalMs += event.duration ?? 0;
      const entry = (db.byName[event.commandName] ??= { count: 0, totalMs: 0 });
      entry.count += 1;
      entry.totalMs += event.duration ?? 0;
      const target = `${event.commandName} ${targets.get(event.requestId) ?? ''}`.trim();
      targets.delete(event.requestId);
      const byTarget = (db.byTarget[target] ??= { count: 0, totalMs: 0 });
      byTarget.count += 1;
      byTarget.totalMs += event.duration ?? 0;
      if (--outstanding === 0) db.busyMs += performance.now() - busySince;
    };
    this.on('commandSucceeded', finished);
    this.on('commandFailed', finished);
    return connect.call(this);
  };
  db.monitoring = true;
}

if (process.env.BENCH_DB_MONITOR === '1') monitorMongo();

let redisSent: Record<string, number> = {};
let redisWatching = false;

function countRedisCommands(): void {
  // The server's ioredis (one copy serves its own connections, BullMQ's and the adapter's).
  const fromServer = createRequire(path.resolve(import.meta.dirname, '..', '..', 'server', 'package.json'));
  let Redis: { prototype: { sendCommand: (command: { name: string }, ...rest: unknown[]) => unknown } };
  try {
    Redis = fromServer('ioredis') as typeof Redis;
  } catch {
    return; // the relay has no Redis
  }
  const send = Redis.prototype.sendCommand;
  Redis.prototype.sendCommand = function (this: unknown, command: { name: string }, ...rest: unknown[]) {
    redisSent[command.name] = (redisSent[command.name] ?? 0) + 1;
    return send.call(this, command, ...rest);
  };
  redisWatching = true;
}

countRedisCommands();

function answer(request: ProbeRequest): ProbeReply {
  switch (request.probe) {
    case 'mem': {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      const usage = process.memoryUsage();
      return { probe: 'mem', ...usage, collected: gc !== undefined };
    }
    case 'db': {
      // Under steady load commands overlap without a gap: count the open interval too.
      const open = outstanding > 0 ? performance.now() - busySince : 0;
      return { probe: 'db', ...structuredClone(db), busyMs: db.busyMs + open };
    }
    case 'redis':
      return { probe: 'redis', byName: { ...redisSent }, watching: redisWatching };
    case 'redis-reset':
      redisSent = {};
      return { probe: 'redis-reset' };
    case 'db-reset':
      Object.assign(db, { commands: 0, totalMs: 0, busyMs: 0, byName: {}, byTarget: {} });
      busySince = performance.now();
      return { probe: 'db-reset' };
  }
}

if (process.send) {
  process.on('message', (message: ProbeRequest & { id: number }) => {
    process.send?.({ ...answer(message), id: message.id });
  });
  // The IPC channel must not keep a server alive that was asked to stop.
  process.channel?.unref();
}
