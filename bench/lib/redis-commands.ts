import { Redis } from 'ioredis';

/**
 * Commands the Redis server has executed so far (Σ `calls` of INFO
 * commandstats). Read before and after a measured window, the difference
 * divided by the messages or assignments of that window is what each costs
 * in Redis round trips, background work (BullMQ's blocking reads, sweeps)
 * included. The two INFO calls themselves are counted too: 2 in thousands.
 */
export async function redisCommandsSoFar(redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('commandstats');
    let calls = 0;
    for (const match of info.matchAll(/^cmdstat_[^:]+:calls=(\d+)/gm)) calls += Number(match[1]);
    return calls;
  } finally {
    redis.disconnect();
  }
}
