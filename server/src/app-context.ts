import type { Connection } from 'mongoose';
import type { Registry } from 'prom-client';
import type { Config } from './config/config.js';
import type { Logger } from './infra/logger.js';
import type { QueueFactory } from './infra/queues.js';
import type { RedisConnections } from './infra/redis.js';
import type { SocketServer } from './infra/socket-server.js';

/** What every feature is built from: the process's configuration and connections. */
export interface AppContext {
  config: Config;
  logger: Logger;
  mongo: Connection;
  redis: RedisConnections;
  metrics: Registry;
  sockets: SocketServer;
  /** BullMQ queues and workers (workers run only where PROCESS_ROLE allows). */
  queues: QueueFactory;
  /**
   * The base URL links in emails point to: PUBLIC_URL, else the address this
   * process listens on (known once it listens, with the real port).
   */
  publicUrl: () => string;
}
