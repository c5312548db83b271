import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
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
  logger: Logger;
  /** What the log says could not be announced or read. */
  name: string;
  /** How long a process may keep a value without anyone announcing a change (a safety net only). */
  maxAgeMs?: number;
}

/**
 * Small, rarely changed, often read data (widget settings, departments) kept
 * in each process's memory, tagged with the version read from Redis *before*
 * the database read. A change writes the database, then a new random
 * version; every `get` compares versions (one Redis GET instead of a
 * database read), so a change is in effect at once on every process. Without
 * Redis, reads go to the database as if there were no cache; `maxAgeMs`
 * bounds how long a missed version write can keep a process on an old value.
 */
export function createVersionedCache<T>(options: VersionedCacheOptions<T>) {
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  let cached: { version: string | null; at: number; value: T } | null = null;
  // Concurrent readers that miss the cache share one database read.
  let pending: { version: string | null; promise: Promise<T> } | null = null;

  const readVersion = async (): Promise<string | null | undefined> => {
    try {
      return await withTimeout(options.redis.get(options.key), VERSION_READ_TIMEOUT_MS, 'version read');
    } catch (error) {
      options.logger.debug({ err: error }, `${options.name} version unreadable; reading the database`);
      return undefined;
    }
  };

  return {
    async get(): Promise<T> {
      const version = await readVersion();
      if (version === undefined) return options.load();
      if (cached?.version === version && cached.at > Date.now() - maxAgeMs) return cached.value;
      if (pending?.version === version) return pending.promise;
      const promise = options.load();
      const entry = { version, promise };
      pending = entry;
      try {
        const value = await promise;
        cached = { version, at: Date.now(), value };
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
      } catch (error) {
        options.logger.warn({ err: error }, `${options.name} changed, but the new version was not announced`);
      }
    },
  };
}

export type VersionedCache<T> = ReturnType<typeof createVersionedCache<T>>;
