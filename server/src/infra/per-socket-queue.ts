import { AppError } from '@switchboard/shared';

/** The refusal of work skipped because its client had gone (counted as shed, answered to nobody). */
export const clientGone = () => new AppError('UNAVAILABLE', 'The client disconnected.', { reason: 'client-gone' });

export function isClientGone(error: AppError): boolean {
  return (error.details as { reason?: unknown } | undefined)?.reason === 'client-gone';
}

/** What ordering needs of a socket, whatever its namespace. */
interface OrderedSocket {
  readonly disconnected: boolean;
}

const chains = new WeakMap<OrderedSocket, Map<string, Promise<unknown>>>();

/**
 * Runs `task` after every earlier task of the same `lane` on this socket has
 * settled. Socket.IO hands us a socket's events in order, but async handlers
 * would otherwise interleave their writes, so two messages typed one after
 * the other could be stored (and shown) the other way round.
 */
export function runInOrder<T>(socket: OrderedSocket, lane: string, task: () => Promise<T>): Promise<T> {
  let lanes = chains.get(socket);
  if (!lanes) {
    lanes = new Map();
    chains.set(socket, lanes);
  }
  const previous = lanes.get(lane) ?? Promise.resolve();
  // Load shedding: a task whose socket closed while it waited is skipped (the client retries
  // with the same ids after reconnecting, so nothing is lost by not doing it now).
  const run = () => (socket.disconnected ? Promise.reject(clientGone()) : task());
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  lanes.set(lane, settled);
  void settled.then(() => {
    if (lanes.get(lane) === settled) lanes.delete(lane);
  });
  return next;
}
