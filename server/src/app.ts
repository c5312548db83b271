import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Connection } from 'mongoose';
import type { Registry } from 'prom-client';
import type { Config } from './config/config.js';
import { currentCustomer } from './customers/customer-auth.js';
import { compileTrust } from './infra/client-address.js';
import { compressAnswers } from './infra/compression.js';
import { errorHandler, notFoundHandler } from './infra/http-errors.js';
import { createLogger, type Logger } from './infra/logger.js';
import { createMetricsRegistry } from './infra/metrics.js';
import { securityHeaders } from './infra/security-headers.js';
import { connectMongo } from './infra/mongo.js';
import { createQueueFactory } from './infra/queues.js';
import { withTimeout } from './infra/with-timeout.js';
import { createRedisConnections, type RedisConnections } from './infra/redis.js';
import { mountSocketFeatures } from './infra/socket-features.js';
import { createSocketServer, type SocketServer } from './infra/socket-server.js';
import type { AppContext } from './app-context.js';
import { createFeatures, type Services } from './features.js';

export interface SwitchboardApp {
  config: Config;
  logger: Logger;
  http: HttpServer;
  sockets: SocketServer;
  mongo: Connection;
  redis: RedisConnections;
  metrics: Registry;
  /** Every feature's services, for tests, workers and the CLI. */
  services: Services;
  /** The Express app: its router lists every REST route (tests walk it to check each one). */
  web: Express;
  /** Base URL the server listens on, e.g. `http://127.0.0.1:3000`; set by `listen()`. */
  url: string;
  listen(): Promise<string>;
  /** Graceful stop: refuse new work, close sockets, then connections. Safe to call twice. */
  stop(): Promise<void>;
}

export interface CreateAppOptions {
  logger?: Logger;
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<SwitchboardApp> {
  const logger = options.logger ?? createLogger(config);
  const metrics = createMetricsRegistry();
  const redis = createRedisConnections(config.REDIS_URL, logger, config.REDIS_PREFIX);
  let mongo: Connection;
  try {
    mongo = await connectMongo(config.MONGODB_URI, config.MONGODB_DB, logger);
  } catch (error) {
    await redis.close();
    throw error;
  }

  let accepting = true;
  const web = express();
  web.disable('x-powered-by');
  web.set('trust proxy', config.TRUST_PROXY);
  web.use(securityHeaders({ production: config.NODE_ENV === 'production', publicUrl: config.PUBLIC_URL }));
  web.use(compressAnswers());
  web.use(express.json({ limit: '64kb' }));
  const http = createServer(web);
  const sockets = createSocketServer(http, {
    redis,
    redisPrefix: config.REDIS_PREFIX,
    logger,
    metrics,
    instanceId: config.INSTANCE_ID,
    trust: compileTrust(config.TRUST_PROXY),
    socketsPerAddress: config.SOCKETS_PER_ADDRESS,
    flood: {
      customer: {
        inFlightPerSocket: config.SOCKET_REQUESTS_IN_FLIGHT,
        perPrincipal: config.VISITOR_EVENT_BUDGET,
        perAddress: config.ADDRESS_EVENT_BUDGET,
      },
      agent: {
        inFlightPerSocket: config.SOCKET_REQUESTS_IN_FLIGHT,
        perPrincipal: config.AGENT_EVENT_BUDGET,
        perAddress: config.AGENT_EVENT_BUDGET * 10,
      },
    },
    principalOf: {
      customer: (socket) => currentCustomer(socket)?.id,
      agent: (socket) => socket.data.agent?.id,
    },
  });
  const queues = createQueueFactory({
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    runWorkers: config.PROCESS_ROLE !== 'web',
    logger,
    lockDurationMs: config.JOB_LOCK,
  });
  let listenUrl = '';
  const publicUrl = () => (config.PUBLIC_URL ?? listenUrl).replace(/\/$/, '');
  const context: AppContext = { config, logger, mongo, redis, metrics, sockets, queues, publicUrl };

  const { features, services } = createFeatures(context, () => accepting);
  for (const feature of features) if (feature.routes) web.use(feature.routes);
  web.use(notFoundHandler);
  web.use(errorHandler(logger));
  mountSocketFeatures(sockets, features, logger);
  let stopping: Promise<void> | null = null;
  const app: SwitchboardApp = {
    config,
    logger,
    http,
    sockets,
    mongo,
    redis,
    metrics,
    services,
    web,
    url: '',
    async listen() {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          http.off('error', reject);
          resolve();
        });
      });
      const { port } = http.address() as AddressInfo;
      const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
      app.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      // Before the workers start: the first email they send already links to the right place.
      listenUrl = app.url;
      if (!config.PUBLIC_URL && (host === 'localhost' || config.PROCESS_ROLE === 'worker')) {
        logger.warn(
          { linksTo: app.url },
          'PUBLIC_URL is not set: links in emails point to this process, which customers may not reach',
        );
      }
      for (const feature of features) await feature.start?.();
      await queues.startWorkers();
      logger.info({ url: app.url }, 'Switchboard listening');
      return app.url;
    },
    stop() {
      stopping ??= (async () => {
        accepting = false;
        logger.info('shutting down');
        // Every step is bounded: a stop during a Redis or database outage must still end.
        const grace = Math.min(config.SHUTDOWN_GRACE_MS, 10_000);
        await queues.close(grace);
        for (const feature of [...features].reverse()) {
          await withTimeout(Promise.resolve(feature.stop?.()), grace, `${feature.name} did not stop in time`).catch(
            (error: unknown) => logger.error({ err: error, feature: feature.name }, 'stop failed'),
          );
        }
        // io.close() disconnects every socket (clients reconnect to another process)
        // and closes the HTTP server; keep-alive connections are cut after the grace period.
        const closed = sockets.close();
        const cut = setTimeout(() => http.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
        http.closeIdleConnections();
        const bounded = (step: string, work: Promise<unknown>, fallback: () => unknown) =>
          withTimeout(work, grace, `${step} did not finish in time`).catch((error: unknown) => {
            logger.warn({ err: error }, `${step}: giving up waiting`);
            fallback();
          });
        await bounded('closing sockets', closed, () => http.closeAllConnections());
        clearTimeout(cut);
        await bounded('closing Redis', redis.close(), () => undefined);
        await bounded('closing MongoDB', mongo.close(), () => void mongo.close(true).catch(() => undefined));
        logger.info('stopped');
      })();
      return stopping;
    },
  };
  return app;
}
