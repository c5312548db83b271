import { ackError, ackOk, AppError, type AckResult } from '@switchboard/shared';
import { toAppError } from './app-errors.js';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { FloodGuard } from './flood-guard.js';
import { isClientGone } from './per-socket-queue.js';
import type { Logger } from './logger.js';
import { parseInput } from './validation.js';

/** One client event: the schema its payload must match and the service call it makes. */
export interface SocketEventHandler<S extends z.ZodType, R, C> {
  schema: S;
  handle(payload: z.infer<S>, context: C): Promise<R> | R;
}

/** Shorthand that keeps payload types inferred from the schema. */
export function defineHandler<S extends z.ZodType, R, C>(
  schema: S,
  handle: (payload: z.infer<S>, context: C) => Promise<R> | R,
): SocketEventHandler<S, R, C> {
  return { schema, handle };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous map, each entry typed at its definition
export type SocketEventHandlers<C> = Record<string, SocketEventHandler<any, unknown, C>>;

type AckFn = (result: AckResult<unknown>) => void;

/** Work a handler schedules to run once its ack has been sent. */
export type AfterAckTask = () => void | Promise<void>;

function takeAck(args: unknown[]): AckFn | null {
  const last = args.at(-1);
  if (typeof last !== 'function') return null;
  args.pop();
  return last as AckFn;
}

/**
 * Binds handlers to a socket with the same rules for every event: parse the
 * payload, call the service, answer `{ok,data}` or a typed `{ok:false,error}`.
 * Nothing a client sends can throw out of here, and unknown events get
 * `UNKNOWN_EVENT` rather than silence.
 */
export function bindSocketHandlers<C>(
  socket: Socket,
  handlers: SocketEventHandlers<C>,
  context: (socket: Socket, afterAck: (task: AfterAckTask) => void) => C,
  logger: Logger,
  guard?: FloodGuard,
): void {
  const answer = (ack: AckFn | null, result: AckResult<unknown>) => {
    if (!ack) return;
    try {
      ack(result);
    } catch (error) {
      logger.debug({ err: error }, 'ack failed');
    }
  };

  for (const [event, handler] of Object.entries(handlers)) {
    socket.on(event, async (...args: unknown[]) => {
      const ack = takeAck(args);
      // Every event, reads included, is bounded before any work (see flood-guard.ts).
      const refusal = guard ? await guard.admit(socket, event, args[0]) : null;
      if (refusal) {
        answer(ack, ackError(refusal.toPayload()));
        return;
      }
      const tasks: AfterAckTask[] = [];
      try {
        const payload: unknown = parseInput(handler.schema, args[0]);
        // Load shedding: nobody is left to answer, so nothing is read or written for them.
        if (socket.disconnected) {
          guard?.shed(event);
          return;
        }
        const data = await handler.handle(
          payload,
          context(socket, (task) => tasks.push(task)),
        );
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
    if (typeof event === 'string' && Object.hasOwn(handlers, event)) return;
    const ack = takeAck(args);
    answer(ack, ackError(new AppError('UNKNOWN_EVENT', 'This event does not exist.').toPayload()));
  });
}
