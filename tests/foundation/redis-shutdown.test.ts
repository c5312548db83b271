import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, createRedisConnections } from '@switchboard/server';
import { describe, expect, inject, it } from 'vitest';

// A Redis command that nobody awaits and that fails (our own disconnect at
// shutdown, Redis restarting) would be an unhandled rejection: vitest fails the
// run on one, and so would a production process with strict rejections.

describe('Redis commands that run in the background', () => {
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
