import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { say, which } from './commands.js';
import { ensureFerretDB } from './ferretdb-install.js';
import { freePort, waitUntil } from './ports.js';
import { startSupervised, type SupervisedProcess } from './supervised-process.js';

export interface MongoOptions {
  dataDir: string;
  preferredPort?: number;
  /**
   * Data that outlives the run (`.data/` of `pnpm start`): FerretDB's SQLite
   * files then survive a power loss intact, losing at most the last writes.
   * Otherwise (tests, bench: a temp dir) only a crash of FerretDB itself is
   * survived, and writes are faster.
   */
  durable?: boolean;
}

export async function pingMongo(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    const reply = await client.db('admin').command({ ping: 1 });
    return reply.ok === 1;
  } finally {
    await client.close();
  }
}

function mongodArgs(binary: string, port: number, dir: string) {
  return {
    binary,
    kind: 'mongod',
    args: ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'],
  };
}

function ferretArgs(binary: string, port: number, dir: string, durable: boolean) {
  // SQLite's default (synchronous FULL) syncs the disk on every commit, and
  // FerretDB's atomic-writes patch holds a database's write lock across it:
  // 50 updates in flight ran at 0.4× the unlocked rate. NORMAL syncs only at
  // WAL checkpoints (a power loss may lose the last commits, never corrupts);
  // OFF never syncs (what FerretDB handed to the OS survives FerretDB being
  // killed, as the chaos tests do, but not the machine going down). See
  // docs/consistency.md for the figures.
  const synchronous = durable ? 'NORMAL' : 'OFF';
  // No debug listener and no telemetry, so several instances run side by side
  // and nothing tries to reach the internet.
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/?_pragma=synchronous(${synchronous})`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    `--state-dir=${dir}`,
    '--log-level=warn',
  ];
  return { binary, kind: 'FerretDB (SQLite)', args };
}

/** `mongod` when it is on PATH, else FerretDB v1.24 with the SQLite backend. */
export async function startMongo(
  options: MongoOptions,
): Promise<{ uri: string; port: number; process: SupervisedProcess }> {
  const dir = path.join(options.dataDir, 'mongo');
  mkdirSync(dir, { recursive: true });
  const port = await freePort(options.preferredPort);
  const mongod = which('mongod');
  const server = mongod
    ? mongodArgs(mongod, port, dir)
    : ferretArgs(ensureFerretDB(), port, dir, options.durable ?? false);
  const child = startSupervised('mongo', server.binary, server.args, {
    logFile: path.join(options.dataDir, 'mongo.log'),
  });
  const uri = `mongodb://127.0.0.1:${port}`;
  try {
    await waitUntil(`${server.kind} on port ${port}`, () => pingMongo(uri), 30_000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  say(`${server.kind} ready at ${uri} (data: ${dir})`);
  return { uri, port, process: child };
}
