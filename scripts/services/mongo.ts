import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { say, which } from './commands.js';
import { ensureFerretDB } from './ferretdb-install.js';
import { startOnOwnPort, type PortAnswer } from './own-port.js';
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

/** The process id of the MongoDB-wire server at `uri` (`serverStatus`; mongod and FerretDB both report it). */
export async function mongoOnPort(uri: string): Promise<PortAnswer> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
  } catch {
    await client.close();
    return { answered: false };
  }
  try {
    const status = await client.db('admin').command({ serverStatus: 1 });
    // The driver hands an int64 back as a number.
    return { answered: true, pid: typeof status.pid === 'number' ? status.pid : null };
  } catch {
    return { answered: true, pid: null };
  } finally {
    await client.close();
  }
}

function mongodArgs(port: number, dir: string): string[] {
  return ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'];
}

function ferretArgs(port: number, dir: string, durable: boolean): string[] {
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
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/?_pragma=synchronous(${synchronous})`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    `--state-dir=${dir}`,
    '--log-level=warn',
  ];
}

/** `mongod` when it is on PATH, else FerretDB v1.24 with the SQLite backend. */
export async function startMongo(
  options: MongoOptions,
): Promise<{ uri: string; port: number; process: SupervisedProcess }> {
  const dir = path.join(options.dataDir, 'mongo');
  mkdirSync(dir, { recursive: true });
  const mongod = which('mongod');
  const binary = mongod ?? ensureFerretDB();
  const argsFor = (port: number) => (mongod ? mongodArgs(port, dir) : ferretArgs(port, dir, options.durable ?? false));
  const kind = mongod ? 'mongod' : 'FerretDB (SQLite)';
  const logFile = path.join(options.dataDir, 'mongo.log');
  const uriOf = (port: number) => `mongodb://127.0.0.1:${port}`;
  const { port, process: child } = await startOnOwnPort({
    what: kind,
    preferredPort: options.preferredPort,
    start: (candidate) => startSupervised('mongo', binary, argsFor(candidate), { logFile }),
    whoAnswers: (candidate) => mongoOnPort(uriOf(candidate)),
    timeoutMs: 30_000,
    logFile,
  });
  const uri = uriOf(port);
  say(`${kind} ready at ${uri} (data: ${dir})`);
  return { uri, port, process: child };
}
