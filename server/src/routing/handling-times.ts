import type { Redis } from 'ioredis';
import { HANDLING_WINDOW, summarizeHandling, type HandlingSummary } from './eta.js';

/**
 * The last {@link HANDLING_WINDOW} handling times (assignment to close, in
 * seconds) per queue, in a Redis list shared by every process: LPUSH + LTRIM
 * keeps the window rolling without a read-modify-write.
 */
export function createHandlingTimes(redis: Redis, prefix: string) {
  const key = (queueKey: string) => `${prefix}:routing:handling:${queueKey}`;
  return {
    async record(queueKey: string, seconds: number): Promise<void> {
      if (!Number.isFinite(seconds) || seconds < 0) return;
      await redis
        .multi()
        .lpush(key(queueKey), String(Math.round(seconds)))
        .ltrim(key(queueKey), 0, HANDLING_WINDOW - 1)
        .exec();
    },
    /** The window's median (shown to supervisors) and mean (the wait estimate's), from one read. */
    async summary(queueKey: string): Promise<HandlingSummary> {
      const values = await redis.lrange(key(queueKey), 0, HANDLING_WINDOW - 1);
      return summarizeHandling(values.map(Number).filter(Number.isFinite));
    },
    /** Forgets a queue's history (tests, or an admin resetting a department). */
    async clear(queueKey: string): Promise<void> {
      await redis.del(key(queueKey));
    },
  };
}

export type HandlingTimes = ReturnType<typeof createHandlingTimes>;
