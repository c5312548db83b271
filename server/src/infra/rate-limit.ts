import { AppError } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimit {
  /** Consumes one point for `key`; throws RATE_LIMITED with `details.retryAfterMs` when exhausted. */
  consume(key: string): Promise<void>;
}

function asRateLimit(limiter: RateLimiterAbstract): RateLimit {
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        // The library rejects with its result object when the limit is reached, with an Error otherwise.
        if (rejection instanceof RateLimiterRes) {
          throw new AppError('RATE_LIMITED', 'Too many requests; slow down.', {
            retryAfterMs: Math.max(1, rejection.msBeforeNext),
          });
        }
        throw rejection;
      }
    },
  };
}

/**
 * A limit shared by every server process through Redis. While Redis is down
 * each process falls back to its own in-memory limit rather than refusing
 * every message or letting floods through.
 */
export function createRateLimit(options: {
  redis: Redis;
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}): RateLimit {
  const insurance = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds });
  return asRateLimit(
    new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.durationSeconds,
      insuranceLimiter: insurance,
    }),
  );
}

/** A per-process limit for cheap, high-rate events (typing) where sharing state buys nothing. */
export function createLocalRateLimit(points: number, durationSeconds: number): RateLimit {
  return asRateLimit(new RateLimiterMemory({ points, duration: durationSeconds }));
}
