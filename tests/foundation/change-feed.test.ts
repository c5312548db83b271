import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, createRedisConnections } from '@switchboard/server';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';

// Settings, departments and blocks are cached in each process and trusted
// between announcements; these are the announcements' rules, on a real Redis.

const logger = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const open: ReturnType<typeof createRedisConnections>[] = [];
const connect = (prefix: string) => {
  const redis = createRedisConnections(inject('redisUrl'), logger, prefix);
  open.push(redis);
  return redis;
};

afterEach(async () => {
  await Promise.all(open.splice(0).map((redis) => redis.close()));
});

describe('change feed', () => {
  it('tells another process of the deployment at once, and no other deployment', async () => {
    const [a, b, elsewhere] = [connect('t_feed_one'), connect('t_feed_one'), connect('t_feed_two')];
    await expect.poll(() => [a, b, elsewhere].every((redis) => redis.changes.live())).toBe(true);
    const before = { b: b.changes.stamp('k'), elsewhere: elsewhere.changes.stamp('k') };
    await a.changes.announce('k');
    // The announcer's own copy is stale before the call even returns; the others' within a delivery.
    expect(a.changes.stamp('k')).not.toBe(before.b);
    await expect.poll(() => b.changes.stamp('k')).not.toBe(before.b);
    expect(b.changes.stamp('other key')).toBe(before.b.replace(/:\d+$/, ':0'));
    await sleep(50);
    expect(elsewhere.changes.stamp('k')).toBe(before.elsewhere);
  });

  it('is not live while its subscription is down, and starts every copy afresh when it is back', async () => {
    const feed = connect('t_feed_reconnect').changes;
    await expect.poll(() => feed.live()).toBe(true);
    const before = feed.stamp('k');
    const admin = new Redis(inject('redisUrl'));
    try {
      // Whatever is announced while a process is not subscribed, it never hears.
      const clients = (await admin.client('LIST')) as string;
      const id = /id=(\d+) .*name=t_feed_reconnect:changes /.exec(clients)?.[1];
      expect(id).toBeDefined();
      await admin.client('KILL', 'ID', id!);
      await expect.poll(() => feed.live(), { interval: 1 }).toBe(false);
      await expect.poll(() => feed.live()).toBe(true);
      expect(feed.stamp('k')).not.toBe(before);
    } finally {
      admin.disconnect();
    }
  });
});
