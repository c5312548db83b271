import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, createRedisConnections, ResilientMutex } from '@switchboard/server';
import { Redis } from 'ioredis';
import { describe, expect, inject, it, vi } from 'vitest';

// A Redis command that nobody awaits and that fails (our own disconnect at
// shutdown, Redis restarting) would be an unhandled rejection: vitest fails the
// run on one, and so would a production process with strict rejections.

describe('Redis commands that run in the background', () => {
  it('a held lock whose refresh fails is kept and logged, not an unhandled rejection', async () => {
    const logger = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const warn = vi.spyOn(logger, 'warn');
    const client = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
    const key = `t_resilient_mutex_${String(Date.now())}`;
    const mutex = new ResilientMutex(client, key, { lockTimeout: 2_000, refreshInterval: 20 }, logger);
    await mutex.acquire();
    client.disconnect();
    await sleep(150);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ identifier: mutex.identifier }), expect.any(String));
    expect(mutex.isAcquired).toBe(true);
    mutex.stopRefresh();
  });

  it('adapter broadcasts and unsubscribes issued after the disconnect are dropped quietly', async () => {
    const logger = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const redis = createRedisConnections(inject('redisUrl'), logger);
    await Promise.all([redis.publisher.ping(), redis.subscriber.subscribe('t_channel')]);
    await redis.close();
    // The adapter fires these and never looks at the result.
    void redis.publisher.publish('t_channel', 'late broadcast');
    void redis.subscriber.unsubscribe('t_channel');
    // Whoever does await still learns that it failed.
    await expect(redis.publisher.publish('t_channel', 'awaited')).rejects.toThrow(/closed/i);
    await sleep(50);
  });
});
