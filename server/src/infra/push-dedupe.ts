import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Records a fingerprint of `payload` under `key` and says whether it differs
 * from the one recorded before. Debounced pushes (supervisors' board, desks'
 * queue lists) run on whichever process saw a change; keeping the fingerprint in
 * Redis lets every process skip a push identical to the last one sent.
 */
export async function changedSinceLastPush(redis: Redis, key: string, payload: unknown, ttlMs: number) {
  const fingerprint = createHash('sha1').update(JSON.stringify(payload)).digest('base64');
  const previous = await redis.set(key, fingerprint, 'PX', ttlMs, 'GET');
  return previous !== fingerprint;
}
