import { AppError } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface SignInAttempt {
  /** The password was right: the attempt is given back, and the address becomes one the account is known at. */
  succeeded(): Promise<void>;
}

export interface SignInLimiter {
  /**
   * Counts an attempt against every limit that applies; throws RATE_LIMITED
   * (with `details.retryAfterMs`) once one is spent. Call before checking the
   * password, so a burst of parallel guesses cannot all slip past a check.
   */
  consume(email: string, address: string): Promise<SignInAttempt>;
  /** An admin set a new password: the account's limit starts afresh (the way back for an agent kept out). */
  unlockAccount(email: string): Promise<void>;
}

/** Addresses an account signed in from are remembered this long (each sign-in renews it). */
const KNOWN_ADDRESS_TTL_SECONDS = 90 * 24 * 3600;

/**
 * Three limits over one window, in Redis so every process shares them:
 *
 * - per email and address: guessing one account's password from one place;
 * - per address, across emails: password spraying (one password tried on many accounts);
 * - per account, across addresses: a spread-out attack on one account. This one
 *   only counts addresses the account has never signed in from, so an attacker
 *   who spends it cannot lock the agent out: their usual addresses still sign in
 *   (an attacker cannot claim those: the address is the one the proxy saw, see
 *   client-address.ts). It lifts when the window passes, or at once when an
 *   admin resets the password.
 *
 * Successful sign-ins give their attempt back, so a busy office behind one
 * address never runs into the per-address limit by signing in.
 */
export function createSignInLimiter(options: {
  redis: Redis;
  prefix: string;
  /** Per email and address. */
  maxAttempts: number;
  /** Per address, across every email. */
  maxPerAddress: number;
  /** Per account, across addresses it has not signed in from before. */
  maxPerAccount: number;
  windowMs: number;
}): SignInLimiter {
  const duration = Math.ceil(options.windowMs / 1000);
  // Redis trouble must not turn into "everyone may guess passwords": no insurance limiter, fail closed.
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({ storeClient: options.redis, keyPrefix: `${options.prefix}:rl:${name}`, points, duration });
  const pair = limiter('sign-in', options.maxAttempts);
  const perAddress = limiter('sign-in-address', options.maxPerAddress);
  const perAccount = limiter('sign-in-account', options.maxPerAccount);
  const normal = (email: string) => email.trim().toLowerCase();
  const pairKey = (email: string, address: string) => `${normal(email)}|${address}`;
  const knownKey = (email: string) => `${options.prefix}:sign-in:known:${normal(email)}`;

  const take = async (limit: RateLimiterRedis, key: string) => {
    try {
      await limit.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new AppError('RATE_LIMITED', 'Too many sign-in attempts. Try again later.', {
          retryAfterMs: Math.max(1, rejection.msBeforeNext),
        });
      }
      throw new AppError('UNAVAILABLE', 'Sign-in is unavailable right now.', undefined, { cause: rejection });
    }
  };

  return {
    async consume(email, address) {
      await take(pair, pairKey(email, address));
      await take(perAddress, address);
      const known = (await options.redis.sismember(knownKey(email), address)) === 1;
      if (!known) await take(perAccount, normal(email));
      return {
        async succeeded() {
          await Promise.all([
            pair.delete(pairKey(email, address)),
            perAddress.reward(address, 1),
            known ? null : perAccount.reward(normal(email), 1),
            options.redis
              .multi()
              .sadd(knownKey(email), address)
              .expire(knownKey(email), KNOWN_ADDRESS_TTL_SECONDS)
              .exec(),
          ]);
        },
      };
    },
    async unlockAccount(email) {
      await perAccount.delete(normal(email));
    },
  };
}
