import { ackError, ackOk, AppError, type Ack, type AckResult, type NamespaceName } from '@switchboard/shared';
import type { clientEventSchemas } from '@switchboard/shared/schemas';
import type { z } from 'zod';
import { toAppError } from './app-errors.js';
import type { FloodGuard } from './flood-guard.js';
import type { Logger } from './logger.js';
import type { ClientEventName, NamespaceTypes, TypedSocket } from './namespaces.js';
import { isClientGone } from './per-socket-queue.js';
import { parseInput } from './validation.js';

/** Work a handler schedules to run once its ack has been sent. */
export type AfterAckTask = () => void | Promise<void>;

/** What a socket event handler receives besides its parsed payload. */
export interface SocketContext<N extends NamespaceName> {
  socket: TypedSocket<N>;
  /** Runs `task` after the ack is sent (broadcasts follow the ack on the message path). */
  afterAck: (task: AfterAckTask) => void;
}

type Schemas<N extends NamespaceName> = (typeof clientEventSchemas)[N];

/** An event's payload as its schema in shared gives it after parsing (defaults applied). */
export type PayloadOf<N extends NamespaceName, E extends ClientEventName<N>> = E extends keyof Schemas<N>
  ? z.output<Schemas<N>[E]>
  : never;

/** What an event's ack carries on success, read from the event map (`ack: Ack<T>` or `ack?: Ack<T>`). */
export type AckDataOf<N extends NamespaceName, E extends ClientEventName<N>> = NamespaceTypes[N]['client'][E] extends (
  payload: never,
  ack: infer A,
) => void
  ? NonNullable<A> extends Ack<infer T>
    ? T
    : never
  : never;

/** One client event's handler: parsed payload in, the ack's data out (or a thrown AppError). */
export type EventHandler<N extends NamespaceName, E extends ClientEventName<N>> = (
  payload: PayloadOf<N, E>,
  context: SocketContext<N>,
) => AckDataOf<N, E> | Promise<AckDataOf<N, E>>;

/** Every client event of a namespace with its handler: what the features' tables add up to. */
export type HandlerTable<N extends NamespaceName> = { [E in ClientEventName<N>]: EventHandler<N, E> };

/**
 * A feature's handlers of some events of one namespace. The keys must be
 * events of that namespace's map, and each handler returns its event's ack
 * type; the payload comes typed from the event's schema.
 */
export function defineHandlers<N extends NamespaceName, E extends ClientEventName<N>>(
  _namespace: N,
  handlers: { [K in E]: EventHandler<N, K> },
): Pick<HandlerTable<N>, E> {
  return handlers;
}

/** One event ready to bind: its schema from shared and its handler, found once per namespace. */
export interface BoundEvent<N extends NamespaceName> {
  event: ClientEventName<N>;
  schema: z.ZodType;
  handle: (payload: never, context: SocketContext<N>) => unknown;
}

/** What binding needs of a socket: Socket.IO's typed `on` takes one literal event at a time, not a loop's. */
interface UntypedListeners {
  on(event: string, listener: (...args: unknown[]) => Promise<void>): unknown;
}

type AckFn = (result: AckResult<unknown>) => void;

function takeAck(args: unknown[]): AckFn | null {
  const last = args.at(-1);
  if (typeof last !== 'function') return null;
  args.pop();
  return last as AckFn;
}

/**
 * Binds a namespace's events to a socket with the same rules for every
 * event: parse the payload with the event's schema, call the handler, answer
 * `{ok,data}` or a typed `{ok:false,error}`. Nothing a client sends can throw
 * out of here, and unknown events get `UNKNOWN_EVENT` rather than silence.
 */
export function bindSocketHandlers<N extends NamespaceName>(
  socket: TypedSocket<N>,
  events: readonly BoundEvent<N>[],
  known: ReadonlySet<string>,
  logger: Logger,
  guard?: FloodGuard<TypedSocket<N>>,
): void {
  const answer = (ack: AckFn | null, result: AckResult<unknown>) => {
    if (!ack) return;
    try {
      ack(result);
    } catch (error) {
      logger.debug({ err: error }, 'ack failed');
    }
  };
  // The events come from a checked table (see socket-features.ts), so the untyped view is safe here.
  const target = socket as unknown as UntypedListeners;

  for (const { event, schema, handle } of events) {
    target.on(event, async (...args: unknown[]) => {
      const ack = takeAck(args);
      // Every event, reads included, is bounded before any work (see flood-guard.ts).
      const refusal = guard ? await guard.admit(socket, event, args[0]) : null;
      if (refusal) {
        answer(ack, ackError(refusal.toPayload()));
        return;
      }
      const tasks: AfterAckTask[] = [];
      try {
        // The schema is this event's, so the parsed payload is what its handler takes.
        const payload = parseInput(schema, args[0]) as never;
        // Load shedding: nobody is left to answer, so nothing is read or written for them.
        if (socket.disconnected) {
          guard?.shed(event);
          return;
        }
        const data = await handle(payload, { socket, afterAck: (task) => tasks.push(task) });
        answer(ack, ackOk(data ?? null));
        // Broadcasts and other side effects go out after the ack (message path step 3).
        for (const task of tasks) {
          await Promise.resolve()
            .then(task)
            .catch((error: unknown) => logger.error({ err: error, event }, 'after-ack task failed'));
        }
      } catch (caught) {
        const error = toAppError(caught);
        if (isClientGone(error)) guard?.shed(event);
        if (error.code === 'INTERNAL') logger.error({ err: caught, event }, 'socket handler failed');
        answer(ack, ackError(error.toPayload()));
      } finally {
        guard?.release(socket, event);
      }
    });
  }

  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && known.has(event)) return;
    const ack = takeAck(args);
    answer(ack, ackError(new AppError('UNKNOWN_EVENT', 'This event does not exist.').toPayload()));
  });
}
