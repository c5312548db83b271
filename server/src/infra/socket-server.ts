import { randomBytes } from 'node:crypto';
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { AppError, NAMESPACES, PROTOCOL_VERSION, type ErrorPayload, type NamespaceName } from '@switchboard/shared';
import { handshakeAuthSchema } from '@switchboard/shared/schemas';
import { Gauge, type Registry } from 'prom-client';
import { Server, type Socket } from 'socket.io';
import { clientAddress, type TrustFn } from './client-address.js';
import { createFloodGuard, createFloodMetrics, type FloodBudgets, type FloodGuard } from './flood-guard.js';
import type { TypedNamespace, TypedSocket } from './namespaces.js';
import type { Logger } from './logger.js';
import type { RedisConnections } from './redis.js';

/** Frames above this close the offending socket (Socket.IO's own limit), long before any handler runs. */
export const MAX_FRAME_BYTES = 64 * 1024;

interface SocketServerOptions {
  redis: RedisConnections;
  redisPrefix: string;
  logger: Logger;
  metrics: Registry;
  /** INSTANCE_ID: prefixes engine.io session ids so a load balancer can route by them. */
  instanceId?: string | undefined;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY), to count connections per client address. */
  trust: TrustFn;
  /** SOCKETS_PER_ADDRESS: connections one address may hold open on this process. */
  socketsPerAddress: number;
  /** Per-namespace bounds on every event (flood-guard.ts). */
  flood: Record<NamespaceName, FloodBudgets>;
  /** The visitor or agent a socket acts for, once known (the flood guard's per-person budget). */
  principalOf: { [N in NamespaceName]: (socket: TypedSocket<N>) => string | undefined };
}

/** An over-limit connection is told why (a typed refusal) and then closed, namespace or not, after this long. */
const OVER_LIMIT_GRACE_MS = 2_000;

/** The error a handshake middleware passes to `next`; Socket.IO delivers `data` to the client's `connect_error`. */
export function handshakeError(error: AppError): Error & { data: ErrorPayload } {
  return Object.assign(new Error(error.message), { data: error.toPayload() });
}

/** Refuses clients built for another protocol version with a typed reason instead of confusing them later. */
function requireProtocolVersion(socket: Pick<Socket, 'handshake'>, next: (error?: Error) => void): void {
  const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
  if (!auth.success) {
    next(handshakeError(new AppError('VALIDATION_FAILED', 'The handshake must carry { protocolVersion }.')));
    return;
  }
  if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
    const message = `This client speaks protocol ${auth.data.protocolVersion}; the server speaks ${PROTOCOL_VERSION}. Reload the page to update.`;
    next(handshakeError(new AppError('PROTOCOL_VERSION_UNSUPPORTED', message, { serverVersion: PROTOCOL_VERSION })));
    return;
  }
  next();
}

export interface SocketServer {
  io: Server;
  namespace<N extends NamespaceName>(name: N): TypedNamespace<N>;
  /** Bounds every event of the namespace (requests in flight, cost budgets); see flood-guard.ts. */
  guard<N extends NamespaceName>(name: N): FloodGuard<TypedSocket<N>>;
  /** Disconnects every socket (clients reconnect elsewhere) and closes the HTTP server. */
  close(): Promise<void>;
}

export function createSocketServer(httpServer: HttpServer, options: SocketServerOptions): SocketServer {
  const io = new Server(httpServer, {
    // Rooms and broadcasts span every server process through Redis pub/sub.
    adapter: createAdapter(options.redis.publisher, options.redis.subscriber, {
      key: `${options.redisPrefix}:socket.io`,
    }),
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
  const { instanceId } = options;
  if (instanceId) {
    // Same entropy as engine.io's own ids (15 random bytes); the prefix lets nginx
    // map `?sid=<id>-…` to this process (tests/cluster/nginx.conf.template).
    io.engine.generateId = () => `${instanceId}-${randomBytes(15).toString('base64url')}`;
  }
  io.engine.on('connection_error', (error: { code: number; message: string }) => {
    options.logger.debug({ code: error.code, message: error.message }, 'engine connection error');
  });
  const addresses = new WeakMap<object, string>();
  const overLimit = limitConnectionsPerAddress(io, options, addresses);
  const addressOf = (socket: Pick<Socket, 'conn' | 'request'>) =>
    addresses.get(socket.conn) ?? clientAddress(socket.request, options.trust);
  const floodMetrics = createFloodMetrics(options.metrics);
  const guardOf = <N extends NamespaceName>(name: N): FloodGuard<TypedSocket<N>> =>
    createFloodGuard<TypedSocket<N>>({
      namespace: name,
      budgets: options.flood[name],
      principalOf: options.principalOf[name],
      addressOf,
      metrics: floodMetrics,
    });
  const guards: { [N in NamespaceName]: FloodGuard<TypedSocket<N>> } = {
    customer: guardOf('customer'),
    agent: guardOf('agent'),
  };

  const open = <N extends NamespaceName>(name: N): TypedNamespace<N> => {
    // Socket.IO types every namespace of a server alike: this is where each gets its own protocol's types.
    const namespace = io.of(NAMESPACES[name]) as TypedNamespace<N>;
    namespace.use(overLimit);
    namespace.use(requireProtocolVersion);
    return namespace;
  };
  const namespaces: { [N in NamespaceName]: TypedNamespace<N> } = { customer: open('customer'), agent: open('agent') };

  new Gauge({
    name: 'switchboard_connected_sockets',
    help: 'Sockets connected to this process, by namespace',
    labelNames: ['namespace'],
    registers: [options.metrics],
    collect() {
      for (const name of Object.keys(namespaces) as NamespaceName[]) {
        this.set({ namespace: name }, namespaces[name].sockets.size);
      }
    },
  });

  return {
    io,
    namespace: (name) => namespaces[name],
    guard: (name) => guards[name],
    close() {
      if (options.redis.subscriber.status !== 'ready') {
        // The adapter's close() would queue UNSUBSCRIBEs on a dead connection that
        // our disconnect then rejects with nobody listening (unhandled rejections);
        // the subscriptions end with the connection anyway.
        for (const namespace of [io.sockets, ...Object.values(namespaces)]) namespace.adapter.close = () => undefined;
      }
      namespaces.customer.emit('system.shutdown');
      namespaces.agent.emit('system.shutdown');
      return new Promise<void>((resolve) => {
        void io.close(() => {
          resolve();
        });
      });
    },
  };
}

/**
 * At most `socketsPerAddress` connections per client address on this process
 * (in memory: each process counts its own). One address opening hundreds of
 * sockets would otherwise hold as many handlers, rooms and database reads.
 * Counting happens when the connection is made (engine level, so a client
 * that never joins a namespace counts too); a connection over the limit gets
 * a typed `RATE_LIMITED` refusal on whichever namespace it asks for, and is
 * closed shortly after either way. Returns that namespace middleware.
 */
function limitConnectionsPerAddress(io: Server, options: SocketServerOptions, addresses: WeakMap<object, string>) {
  const open = new Map<string, number>();
  const refused = new WeakSet<object>();
  io.engine.on(
    'connection',
    (connection: { request: IncomingMessage; once(event: 'close', fn: () => void): void; close(): void }) => {
      const address = clientAddress(connection.request, options.trust);
      addresses.set(connection, address);
      const count = (open.get(address) ?? 0) + 1;
      open.set(address, count);
      connection.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
      if (count > options.socketsPerAddress) {
        refused.add(connection);
        setTimeout(() => connection.close(), OVER_LIMIT_GRACE_MS).unref();
        options.logger.warn({ address, open: count }, 'connection refused: too many from one address');
      }
    },
  );
  return (socket: Pick<Socket, 'conn'>, next: (error?: Error) => void): void => {
    if (!refused.has(socket.conn)) {
      next();
      return;
    }
    next(
      handshakeError(
        new AppError('RATE_LIMITED', 'Too many connections from your network. Close some tabs and try again.', {
          retryAfterMs: 30_000,
        }),
      ),
    );
  };
}
