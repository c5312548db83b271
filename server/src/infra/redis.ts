import { Redis, type RedisOptions } from 'ioredis';
import { createChangeFeed, type ChangeFeed } from './change-feed.js';
import type { Logger } from './logger.js';
import { withTimeout } from './with-timeout.js';

/**
 * The Redis connections of one server process:
 * - `command`: rate limits, presence and other request-path commands;
 * - `publisher` / `subscriber`: the Socket.IO adapter (a subscriber cannot run other commands);
 * - `changes`: announcements that cached settings changed, on a subscriber of its own (infra/change-feed.ts);
 * - BullMQ creates its own from {@link bullConnectionOptions} when jobs land.
 */
export interface RedisConnections {
  command: Redis;
  publisher: Redis;
  subscriber: Redis;
  changes: ChangeFeed;
  close(): Promise<void>;
}

export function createRedisConnections(
  url: string,
  logger: Logger,
  /** Names this deployment's change channel, so deployments sharing a Redis do not hear each other. */
  prefix = 'switchboard',
): RedisConnections {
  const make = (role: string, options: RedisOptions = {}) => {
    const client = new Redis(url, { lazyConnect: false, ...options });
    let reported = false;
    client.on('error', (error: Error) => {
      // ioredis reconnects by itself; log the first error of each outage, not every retry.
      if (!reported) logger.warn({ role, err: error.message }, 'Redis connection error');
      reported = true;
    });
    client.on('ready', () => {
      if (reported) logger.info({ role }, 'Redis reconnected');
      reported = false;
    });
    return client;
  };
  // Auto-pipelining: commands issued in the same tick (many chats' admissions and publishes)
  // leave in one write. Without it every command is a syscall of its own, which was 17 % of
  // the server's busy time under load, and Redis spent twice the CPU per message (bench/README.md).
  const command = make('command', { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  // The adapter's clients wait for Redis to come back rather than fail: a
  // failed PUBLISH or PSUBSCRIBE inside the adapter would be an unhandled
  // rejection, and a missed subscription would silently stop cross-process delivery.
  const publisher = make('publisher', { maxRetriesPerRequest: null, enableAutoPipelining: true });
  // The adapter subscribes before ioredis's ready check runs; the check's INFO
  // (like a CLIENT SETNAME from connectionName) is then refused in subscriber
  // mode, the connection drops and re-subscribes, and cross-process joins sent
  // meanwhile are lost. So: no ready check and no connection name here.
  const subscriber = make('subscriber', { maxRetriesPerRequest: null, enableReadyCheck: false });
  observeUnawaitedCommands(publisher, ['publish'], logger);
  observeUnawaitedCommands(subscriber, ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'], logger);
  // Named (sent before it subscribes) so an operator's CLIENT LIST tells it apart.
  const changesSubscriber = make('changes', {
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    connectionName: `${prefix}:changes`,
  });
  const changes = createChangeFeed({
    subscriber: changesSubscriber,
    publisher: command,
    channel: `${prefix}:changes`,
    logger,
  });
  const clients = [command, publisher, subscriber, changesSubscriber];
  return {
    command,
    publisher,
    subscriber,
    changes,
    async close() {
      // QUIT on a connection that is down would wait in the offline queue forever.
      const open = clients.filter((client) => client.status === 'ready');
      await Promise.allSettled(open.map((client) => withTimeout(client.quit(), 2_000, 'QUIT timed out')));
      for (const client of clients) client.disconnect();
    },
  };
}

/**
 * The Socket.IO Redis adapter sends these commands without awaiting them. They
 * wait out an outage (no retry limit), so they only fail when we disconnect at
 * shutdown, with a broadcast from a handler that outlived its socket; that must
 * not surface as an unhandled rejection. Callers that do await still see the error.
 */
type UnawaitedCommand = 'publish' | 'subscribe' | 'psubscribe' | 'unsubscribe' | 'punsubscribe';

function observeUnawaitedCommands(client: Redis, names: readonly UnawaitedCommand[], logger: Logger): void {
  const methods = client as unknown as Record<UnawaitedCommand, (...args: unknown[]) => Promise<unknown>>;
  for (const name of names) {
    const original = methods[name].bind(client);
    methods[name] = (...args: unknown[]) => {
      const result = original(...args);
      result.catch((error: unknown) => logger.debug({ err: error, command: name }, 'adapter command dropped'));
      return result;
    };
  }
}

/** Options for BullMQ's own connections: workers must block forever on Redis, never give up a command. */
export function bullConnectionOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

export async function pingRedis(client: Redis): Promise<void> {
  await client.ping();
}
