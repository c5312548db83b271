import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * Tells every process of the deployment at once that some rarely changed
 * data (widget settings, departments, visitor blocks, webhook endpoints) was
 * written, over one Redis pub/sub channel, so in-memory copies of it can be
 * trusted between changes without asking Redis on every read.
 *
 * A process trusts its copies only while its subscription is up: while the
 * subscriber is down it may miss an announcement, so `live()` is false and
 * readers fall back to checking the version key (infra/versioned-cache.ts);
 * every (re)subscription moves `epoch`, which makes every copy stale.
 */
export interface ChangeFeed {
  /** Whether announcements are being received now. */
  live(): boolean;
  /** Moves on every announcement of `key` and on every (re)subscription: a copy made at another stamp is stale. */
  stamp(key: string): string;
  /** Tells every process (this one included, synchronously) that `key` changed. */
  announce(key: string): Promise<void>;
}

export function createChangeFeed(deps: {
  subscriber: Redis;
  publisher: Pick<Redis, 'publish'>;
  channel: string;
  logger: Logger;
}): ChangeFeed {
  const { subscriber, channel } = deps;
  let subscribed = false;
  let epoch = 0;
  const changes = new Map<string, number>();
  const bump = (key: string) => changes.set(key, (changes.get(key) ?? 0) + 1);

  const subscribe = () => {
    subscriber.subscribe(channel).then(
      () => {
        // Announcements sent while we were away are lost: start every copy afresh.
        epoch += 1;
        subscribed = true;
      },
      (error: unknown) => deps.logger.warn({ err: error }, 'change feed could not subscribe'),
    );
  };
  subscriber.on('message', (from: string, key: string) => {
    if (from === channel) bump(key);
  });
  subscriber.on('close', () => {
    subscribed = false;
  });
  // ioredis re-subscribes by itself after a reconnect, but says so only through 'ready'.
  subscriber.on('ready', () => {
    if (!subscribed) subscribe();
  });
  if (subscriber.status === 'ready') subscribe();

  return {
    live: () => subscribed && subscriber.status === 'ready',
    stamp: (key) => `${epoch}:${changes.get(key) ?? 0}`,
    async announce(key) {
      bump(key);
      await deps.publisher.publish(channel, key);
    },
  };
}
