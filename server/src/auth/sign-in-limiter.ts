import { AppError } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface SignInLimiter {
  /** Counts an attempt; throws RATE_LIMITED (with `details.retryAfterMs`) once the budget is spent. */
  consume(email: string, ip: string): Promise<void>;
  /** A successful sign-in clears the count, so typos earlier in the window do not linger. */
  reset(email: string, ip: string): Promise<void>;
}

export function createSignInLimiter(options: {
  redis: Redis;
  prefix: string;
  maxAttempts: number;
  windowMs: number;
}): SignInLimiter {
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: `${options.prefix}:rl:sign-in`,
    points: options.maxAttempts,
    duration: Math.ceil(options.windowMs / 1000),
    // Redis trouble must not turn into "everyone may guess passwords": no insurance limiter, fail closed.
  });
  const key = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;
  return {
    async consume(email, ip) {
      try {
        await limiter.consume(key(email, ip));
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          throw new AppError('RATE_LIMITED', 'Too many sign-in attempts. Try again later.', {
            retryAfterMs: rejection.msBeforeNext,
          });
        }
        throw new AppError('UNAVAILABLE', 'Sign-in is unavailable right now.', undefined, { cause: rejection });
      }
    },
    async reset(email, ip) {
      await limiter.delete(key(email, ip));
    },
  };
}
