import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChangeFeed } from './change-feed.js';
import type { Logger } from './logger.js';
import { withTimeout } from './with-timeout.js';

/** A Redis that does not answer this fast is treated as down: the read goes to the database. */
const VERSION_READ_TIMEOUT_MS = 500;

export interface VersionedCacheOptions<T> {
  /** What is cached, read from the database. */
  load: () => Promise<T>;
  /** A Redis key every change rewrites, shared by all processes of the deployment. */
  redis: Pick<Redis, 'get' | 'set'>;
  key: string;
  /** Announcements of changes (infra/change-feed.ts): while it is live, reads cost no Redis call. */
  feed?: ChangeFeed | undefined;
  logger: Logger;
  /** What the log says could not be announced or read. */
  name: string;
  /** How long a process may keep a value without anyone announcing a change (a safety net only). */
  maxAgeMs?: number;
}

/**
 * Small, rarely changed, often read data (widget settings, departments) kept
 * in each process's memory. A change writes the database, then a new random
 * version under `key` and an announcement on the change feed.
 *
 * While the feed is live, a copy is good until the feed's stamp for `key`
 * moves (an announcement, or a lost subscription): reads cost nothing. While
 * it is not, every `get` compares the copy's version with the one in Redis
 * (one GET instead of a database read), read *before* the database so a
 * change racing a read is never missed. Without Redis, reads go to the
 * database as if there were no cache; `maxAgeMs` bounds how long a missed
 * announcement can keep a process on an old value.
 */
export function createVersionedCache<T>(options: VersionedCacheOptions<T>) {
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  const { feed } = options;
  /** `tag` is the feed's stamp (`f:` prefix) or the Redis version (`v:`) the copy was read at. */
  let cached: { tag: string; at: number; value: T } | null = null;
  // Concurrent readers that miss the cache share one database read.
  let pending: { tag: string; promise: Promise<T> } | null = null;

  const readVersion = async (): Promise<string | null | undefined> => {
    try {
      return await withTimeout(options.redis.get(options.key), VERSION_READ_TIMEOUT_MS, 'version read');
    } catch (error) {
      options.logger.debug({ err: error }, `${options.name} version unreadable; reading the database`);
      return undefined;
    }
  };

  const currentTag = async (): Promise<string | undefined> => {
    if (feed?.live()) return `f:${feed.stamp(options.key)}`;
    const version = await readVersion();
    return version === undefined ? undefined : `v:${version}`;
  };

  return {
    async get(): Promise<T> {
      const tag = await currentTag();
      if (tag === undefined) return options.load();
      if (cached?.tag === tag && cached.at > Date.now() - maxAgeMs) return cached.value;
      if (pending?.tag === tag) return pending.promise;
      const promise = options.load();
      const entry = { tag, promise };
      pending = entry;
      try {
        const value = await promise;
        cached = { tag, at: Date.now(), value };
        return value;
      } finally {
        if (pending === entry) pending = null;
      }
    },

    /** Call after the database write: this process and every other one read it again. */
    async changed(): Promise<void> {
      cached = null;
      try {
        await withTimeout(options.redis.set(options.key, randomUUID()), 2_000, 'version write');
        if (feed) await withTimeout(feed.announce(options.key), 2_000, 'change announcement');
      } catch (error) {
        options.logger.warn({ err: error }, `${options.name} changed, but the new version was not announced`);
      }
    },
  };
}

export type VersionedCache<T> = ReturnType<typeof createVersionedCache<T>>;
