import { AppError } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { ResilientMutex } from './resilient-mutex.js';

/**
 * Mutual exclusion per document, across every server and worker process.
 *
 * Why: FerretDB v1 (our dev/CI database) applies an update by reading the
 * whole document, changing it in Go and writing it back. Two concurrent
 * updates of one document — even of different fields, even `$inc` or a
 * conditional `findOneAndUpdate` — silently lose one of them (measured:
 * 100 concurrent `$inc` left 4; 20 racing claims had 4 winners). Unique
 * indexes and `deleteOne` counts stay reliable. So every read-modify-write
 * of a shared document (conversation, customer, agent, counter) runs under
 * this lock; on MongoDB it is redundant but harmless.
 *
 * Redis being down makes writes fail with a retryable STORE_UNAVAILABLE,
 * never half-done. A holder that dies releases by expiry (`lockTimeout`);
 * a live holder refreshes its lock while it works.
 */
export interface DocumentLocks {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export function createDocumentLocks(redis: Redis, prefix: string, logger: Logger): DocumentLocks {
  return {
    async run(key, work) {
      const mutex = new ResilientMutex(
        redis,
        `${prefix}:${key}`,
        {
          lockTimeout: 15_000,
          acquireTimeout: 5_000,
          retryInterval: 5,
          refreshInterval: 5_000,
          onLockLost: (error) => logger.error({ err: error, key }, 'document lock lost while held'),
        },
        logger,
      );
      try {
        await mutex.acquire();
      } catch (error) {
        throw new AppError('STORE_UNAVAILABLE', 'Storage is busy; retry shortly.', undefined, { cause: error });
      }
      try {
        return await work();
      } finally {
        await mutex.release().catch((error: unknown) => logger.warn({ err: error, key }, 'lock release failed'));
      }
    },
  };
}
