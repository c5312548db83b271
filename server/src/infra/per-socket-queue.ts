import type { Socket } from 'socket.io';

const chains = new WeakMap<Socket, Map<string, Promise<unknown>>>();

/**
 * Runs `task` after every earlier task of the same `lane` on this socket has
 * settled. Socket.IO hands us a socket's events in order, but async handlers
 * would otherwise interleave their writes, so two messages typed one after
 * the other could be stored (and shown) the other way round.
 */
export function runInOrder<T>(socket: Socket, lane: string, task: () => Promise<T>): Promise<T> {
  let lanes = chains.get(socket);
  if (!lanes) {
    lanes = new Map();
    chains.set(socket, lanes);
  }
  const previous = lanes.get(lane) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  lanes.set(lane, settled);
  void settled.then(() => {
    if (lanes.get(lane) === settled) lanes.delete(lane);
  });
  return next;
}
