import { AppError } from '@switchboard/shared';
import { Counter, type Registry } from 'prom-client';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ClientEventName } from './namespaces.js';

/** The window every cost budget is counted over. */
const WINDOW_SECONDS = 10;

/**
 * What one event costs against the budgets, by what it makes the server do.
 * A catch-up pays per conversation it reads; lists and boards read a lot;
 * everything else costs 1. Computed from the raw payload before parsing, so a
 * refused flood costs next to nothing.
 */
const COSTS: Partial<Record<ClientEventName, number | ((payload: unknown) => number)>> = {
  // Bounded by its own rate (CUSTOMER_MESSAGE_RATE / AGENT_MESSAGE_RATE, shared through Redis):
  // only the in-flight cap applies, so a chat's pace is decided in one place.
  'message.send': 0,
  'conversation.sync': (payload) => {
    const cursors = (payload as { cursors?: unknown } | null)?.cursors;
    return 2 + (Array.isArray(cursors) ? Math.min(cursors.length, 50) : 0);
  },
  'message.history': 3,
  'conversation.view': 2,
  'conversation.start': 5,
  'conversation.leaveMessage': 5,
  'transcript.request': 3,
  'attachment.prepare': 3,
  'queue.status': 3,
  'queue.list': 5,
  'conversation.pickup': 3,
  'conversation.transfer': 3,
  'supervisor.board.get': 5,
  'supervisor.live.list': 5,
  'supervisor.idle.list': 5,
  'supervisor.observe': 3,
  'supervisor.join': 3,
};

export function eventCost(event: ClientEventName, payload: unknown): number {
  const cost = COSTS[event] ?? 1;
  return typeof cost === 'number' ? cost : cost(payload);
}

export interface FloodBudgets {
  /** Requests one socket may have running at once; more are refused at once. */
  inFlightPerSocket: number;
  /** Cost points per 10 s for one person: a visitor (or a socket before it has one) or an agent. */
  perPrincipal: number;
  /** Cost points per 10 s for one client address, across its sockets. */
  perAddress: number;
}

/** What the guard reads of a socket besides what its namespace's callbacks work out. */
interface GuardedSocket {
  id: string;
}

export interface FloodGuard<S extends GuardedSocket = GuardedSocket> {
  /** Null when the event may run (the caller must `release` when it ends), else the refusal to answer. */
  admit(socket: S, event: ClientEventName, payload: unknown): Promise<AppError | null>;
  release(socket: S, event: ClientEventName): void;
  /** Counts work skipped because its client had gone. */
  shed(event: string): void;
}

/**
 * Bounds every event of a namespace, reads included, without a Redis or
 * database round trip: requests in flight per socket, and cost budgets per
 * principal and per address, all in this process's memory. The budgets are
 * therefore per process (a client spread over N processes by the load
 * balancer may spend up to N times them; one socket always lives on one).
 * The message rate limit of `message.send` stays as it is, shared through Redis.
 */
export function createFloodGuard<S extends GuardedSocket>(options: {
  namespace: string;
  budgets: FloodBudgets;
  /** The visitor or agent a socket acts for, once known. */
  principalOf: (socket: S) => string | undefined;
  addressOf: (socket: S) => string;
  metrics: FloodMetrics;
}): FloodGuard<S> {
  const { budgets } = options;
  /**
   * Requests running per socket, counted apart for `message.send`: a socket's sends run one
   * after the other in one lane (their order is kept), so a burst of them only waits in line;
   * they may queue up to eight times the bound, and their pace is the message rate's job.
   */
  const inFlight = new WeakMap<S, { requests: number; sends: number }>();
  const counterOf = (event: ClientEventName) => (event === 'message.send' ? 'sends' : 'requests');
  const capOf = (event: ClientEventName) =>
    event === 'message.send' ? budgets.inFlightPerSocket * 8 : budgets.inFlightPerSocket;
  const perPrincipal = new RateLimiterMemory({ points: budgets.perPrincipal, duration: WINDOW_SECONDS });
  const perAddress = new RateLimiterMemory({ points: budgets.perAddress, duration: WINDOW_SECONDS });

  function release(socket: S, event: ClientEventName): void {
    const running = inFlight.get(socket);
    if (!running) return;
    running[counterOf(event)] = Math.max(0, running[counterOf(event)] - 1);
    if (running.requests === 0 && running.sends === 0) inFlight.delete(socket);
  }
  const refuse = (reason: 'in-flight' | 'budget', retryAfterMs: number) => {
    options.metrics.refused.inc({ namespace: options.namespace, reason });
    return new AppError('RATE_LIMITED', 'Too many requests; slow down.', { retryAfterMs: Math.max(1, retryAfterMs) });
  };
  /** Milliseconds until the key may spend again, or 0 when these points were taken. */
  const spend = async (limiter: RateLimiterMemory, key: string, cost: number): Promise<number> => {
    try {
      await limiter.consume(key, cost);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
      throw rejection;
    }
  };

  return {
    async admit(socket, event, payload) {
      const running = inFlight.get(socket) ?? { requests: 0, sends: 0 };
      const counter = counterOf(event);
      if (running[counter] >= capOf(event)) return refuse('in-flight', 100);
      // Counted before the first await: packets of one socket arriving together see each other.
      running[counter] += 1;
      inFlight.set(socket, running);
      const cost = eventCost(event, payload);
      const principal = options.principalOf(socket) ?? `socket:${socket.id}`;
      if (cost === 0) return null;
      const wait =
        (await spend(perPrincipal, principal, cost)) || (await spend(perAddress, options.addressOf(socket), cost));
      if (wait === 0) return null;
      release(socket, event);
      return refuse('budget', wait);
    },
    release,
    shed(event) {
      options.metrics.shed.inc({ namespace: options.namespace, event });
    },
  };
}

export interface FloodMetrics {
  refused: Counter<'namespace' | 'reason'>;
  shed: Counter<'namespace' | 'event'>;
}

export function createFloodMetrics(registry: Registry): FloodMetrics {
  return {
    refused: new Counter({
      name: 'switchboard_socket_events_refused_total',
      help: 'Socket events refused with RATE_LIMITED before running: too many in flight on the socket, or over a cost budget',
      labelNames: ['namespace', 'reason'],
      registers: [registry],
    }),
    shed: new Counter({
      name: 'switchboard_socket_events_shed_total',
      help: 'Socket events skipped because their client had disconnected before the work started',
      labelNames: ['namespace', 'event'],
      registers: [registry],
    }),
  };
}
