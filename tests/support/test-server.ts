import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createApp, loadConfig, type SwitchboardApp } from '@switchboard/server';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

export interface TestServer {
  app: SwitchboardApp;
  url: string;
  /** Database name and Redis key prefix, unique to this server's test file and run. */
  namespace: string;
  stop(): Promise<void>;
}

/** A name unique to the calling test file and this run, usable as a database name and a key prefix. */
export function uniqueNamespace(testFile: string): string {
  const base = path
    .basename(testFile)
    .replace(/\.test\.ts$/, '')
    .replace(/[^A-Za-z0-9]/g, '_')
    .slice(0, 30);
  return `t_${base}_${randomBytes(4).toString('hex')}`;
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Boots the real server in this process on port 0 against the run's Redis and
 * MongoDB-wire server. Pass the same `namespace` to several servers to have
 * them share data, as processes of one deployment do.
 */
export async function startTestServer(options: {
  testFile: string;
  namespace?: string;
  env?: Record<string, string>;
}): Promise<TestServer> {
  const namespace = options.namespace ?? uniqueNamespace(options.testFile);
  const redisUrl = options.env?.REDIS_URL ?? inject('redisUrl');
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: namespace,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: namespace,
    ...options.env,
  });
  const app = await createApp(config);
  const url = await app.listen();
  return {
    app,
    url,
    namespace,
    // The database is left in place (every start gets a fresh random namespace, and the
    // run's data dir is removed at the end): FerretDB's SQLite backend deletes the file on
    // dropDatabase while other connections may still read it (a second process sharing the
    // namespace, a sweep finishing), and once died of SIGBUS in the WAL index doing so,
    // taking every later test file down with it.
    async stop() {
      await app.stop();
      await deleteKeys(redisUrl, namespace).catch(() => undefined);
    },
  };
}
