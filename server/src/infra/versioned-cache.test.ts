import { describe, expect, it } from 'vitest';
import type { ChangeFeed } from './change-feed.js';
import type { Logger } from './logger.js';
import { createVersionedCache } from './versioned-cache.js';

const logger = { debug: () => undefined, warn: () => undefined } as unknown as Logger;

/** A cache over a counting database read and Redis GET, with a feed whose liveness and stamps the test moves. */
function setup() {
  const counts = { loads: 0, gets: 0 };
  const feed = { isLive: true, stamps: 0 };
  const fakeFeed: ChangeFeed = {
    live: () => feed.isLive,
    stamp: () => String(feed.stamps),
    announce: () => {
      feed.stamps += 1;
      return Promise.resolve();
    },
  };
  const cache = createVersionedCache({
    load: () => Promise.resolve(++counts.loads),
    redis: {
      get: () => {
        counts.gets += 1;
        return Promise.resolve('v1');
      },
      set: () => Promise.resolve('OK' as const),
    },
    key: 'k',
    feed: fakeFeed,
    logger,
    name: 'test',
  });
  return { cache, counts, feed };
}

describe('versioned cache with a change feed', () => {
  it('asks Redis nothing while the feed is live, and reads again after an announcement', async () => {
    const { cache, counts, feed } = setup();
    expect(await cache.get()).toBe(1);
    expect(await cache.get()).toBe(1);
    expect(counts).toEqual({ loads: 1, gets: 0 });
    feed.stamps += 1; // another process announced a change
    expect(await cache.get()).toBe(2);
    await cache.changed(); // this one did
    expect(await cache.get()).toBe(3);
    expect(counts.gets).toBe(0);
  });

  it('checks the version in Redis on every read while the feed is down, and trusts no copy from before', async () => {
    const { cache, counts, feed } = setup();
    await cache.get();
    feed.isLive = false;
    expect(await cache.get()).toBe(2);
    expect(await cache.get()).toBe(2);
    expect(counts).toEqual({ loads: 2, gets: 2 });
    feed.isLive = true;
    // A copy made while checking versions is not one made under the feed: read once more.
    expect(await cache.get()).toBe(3);
    expect(await cache.get()).toBe(3);
  });
});
