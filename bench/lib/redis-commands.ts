import { Redis } from 'ioredis';

/** Commands the Redis server has executed so far, by command name (INFO commandstats `calls`). */
export type RedisCommandCounts = Map<string, number>;

/**
 * Read before and after a measured window, the difference divided by the
 * messages or assignments of that window is what each costs in Redis round
 * trips, background work (BullMQ's blocking reads, sweeps) included. The two
 * INFO calls themselves are counted too: 2 in thousands.
 */
export async function redisCommandsSoFar(redisUrl: string): Promise<RedisCommandCounts> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('commandstats');
    const counts: RedisCommandCounts = new Map();
    for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) counts.set(match[1] ?? '?', Number(match[2]));
    return counts;
  } finally {
    redis.disconnect();
  }
}

/** Commands per unit (message, assignment) between two readings: the total and the biggest few by name. */
export function commandsPer(
  before: RedisCommandCounts,
  after: RedisCommandCounts,
  units: number,
): { total: number; top: string } {
  const per = [...after.entries()]
    .map(([name, calls]) => [name, (calls - (before.get(name) ?? 0)) / Math.max(1, units)] as const)
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a);
  const total = per.reduce((sum, [, count]) => sum + count, 0);
  return {
    total,
    top: per
      .slice(0, 5)
      .map(([name, count]) => `${name} ${count.toFixed(2)}`)
      .join(', '),
  };
}
