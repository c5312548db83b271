import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { say } from './commands.js';
import { lockDataDir } from './data-dir-lock.js';
import { startMongo } from './mongo.js';
import { startRedis } from './redis.js';
import type { SupervisedProcess } from './supervised-process.js';

export { ServiceUnavailableError } from './commands.js';

export interface ServicesOptions {
  /** Persistent data directory (dev: `.data/`); when absent a temp dir is used and removed on stop. */
  dataDir?: string;
  /** Environment to read REDIS_URL / MONGODB_URI from. */
  env?: NodeJS.ProcessEnv;
  /** Ports to try first (default: the dev ports with a persistent `dataDir`, any free port without). */
  preferredPorts?: { redis: number; mongo: number };
}

export interface RunningServices {
  redisUrl: string;
  mongoUri: string;
  /** Processes we started (empty entries for services given by URL). */
  redis: SupervisedProcess | null;
  mongo: SupervisedProcess | null;
  dataDir: string;
  stop(): Promise<void>;
}

/** Dev ports: stable across restarts when free, never the services' defaults. */
const DEV_PORTS = { redis: 16379, mongo: 27117 } as const;

export async function startServices(options: ServicesOptions = {}): Promise<RunningServices> {
  const env = options.env ?? process.env;
  const persistent = options.dataDir !== undefined;
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : mkdtempSync(path.join(os.tmpdir(), 'switchboard-'));
  mkdirSync(dataDir, { recursive: true });
  // Only what we start uses the directory: services given by URL need no lock.
  const startsAny = !env.REDIS_URL || !env.MONGODB_URI;
  const unlock = persistent && startsAny ? lockDataDir(dataDir) : () => undefined;
  const ports = options.preferredPorts ?? (persistent ? DEV_PORTS : undefined);
  const started: SupervisedProcess[] = [];

  const stop = async () => {
    await Promise.all(started.map((child) => child.stop()));
    unlock();
    if (!persistent) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    let redisUrl = env.REDIS_URL;
    let redis: SupervisedProcess | null = null;
    if (redisUrl) {
      say(`using REDIS_URL (${redisUrl.replace(/\/\/[^@]*@/, '//***@')})`);
    } else {
      const running = await startRedis({
        dataDir,
        appendOnly: persistent,
        ...(ports ? { preferredPort: ports.redis } : {}),
      });
      redisUrl = running.url;
      redis = running.process;
      started.push(redis);
    }

    let mongoUri = env.MONGODB_URI;
    let mongo: SupervisedProcess | null = null;
    if (mongoUri) {
      say(`using MONGODB_URI (${mongoUri.replace(/\/\/[^@]*@/, '//***@')})`);
    } else {
      const running = await startMongo({
        dataDir,
        durable: persistent,
        ...(ports ? { preferredPort: ports.mongo } : {}),
      });
      mongoUri = running.uri;
      mongo = running.process;
      started.push(mongo);
    }
    return { redisUrl, mongoUri, redis, mongo, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
