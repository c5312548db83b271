import type { QueueStats, QueueUpdate } from '@switchboard/shared';
import { SUPERVISORS_ROOM } from '../auth/principal.js';
import { rooms } from '../conversations/rooms.js';
import type { Logger } from '../infra/logger.js';
import type { SocketServer } from '../infra/socket-server.js';
import type { QueueSnapshots } from './queue-snapshot.js';

/**
 * Place-in-queue and wait pushes: `queue.updated` to every waiting customer of
 * a queue and `queue.stats` to supervisors, each coalesced over a short window
 * so a burst of arrivals costs one computation. Emitted through the Redis
 * adapter's rooms, so the customer hears it whichever process they are
 * connected to; the numbers come from the database, so any process computes the
 * same ones. An update identical to the last one this process sent is skipped.
 */
export function createQueuePush(deps: {
  sockets: SocketServer;
  snapshots: QueueSnapshots;
  allQueueKeys: () => Promise<string[]>;
  debounceMs: number;
  logger: Logger;
}) {
  const timers = new Map<string, NodeJS.Timeout>();
  const lastSent = new Map<string, string>();
  const members = new Map<string, Set<string>>();
  const STATS = '*stats';
  /** Other pushes that follow the same queue changes (the agent desk's `queue.changed`). */
  const changeListeners = new Set<(key: string) => void>();
  let stopped = false;

  const emitToCustomers = (update: QueueUpdate) => {
    deps.sockets
      .namespace('customer')
      .to(rooms.conversationCustomers(update.conversationId))
      .emit('queue.updated', update);
  };

  async function push(key: string): Promise<void> {
    const snapshot = await deps.snapshots.load(key, { shared: true });
    const present = new Set<string>();
    const updates = snapshot ? snapshot.waiting.map((waiting) => deps.snapshots.updateFor(snapshot, waiting)) : [];
    for (const update of updates) {
      present.add(update.conversationId);
      const json = JSON.stringify(update);
      if (lastSent.get(update.conversationId) === json) continue;
      lastSent.set(update.conversationId, json);
      emitToCustomers(update);
    }
    for (const gone of members.get(key) ?? []) if (!present.has(gone)) lastSent.delete(gone);
    members.set(key, present);
  }

  async function pushStats(): Promise<void> {
    const snapshots = await Promise.all(
      (await deps.allQueueKeys()).map((key) => deps.snapshots.load(key, { shared: true })),
    );
    const stats: QueueStats = {
      departments: snapshots.flatMap((snapshot) => (snapshot ? [deps.snapshots.statsOf(snapshot)] : [])),
      at: new Date().toISOString(),
    };
    deps.sockets.namespace('agent').to(SUPERVISORS_ROOM).emit('queue.stats', stats);
  }

  // Supervisors' figures cover every queue: computed at most once a second, however busy the queues.
  const statsWindowMs = Math.max(1_000, deps.debounceMs);

  function later(key: string, work: () => Promise<void>, windowMs = deps.debounceMs) {
    if (stopped || timers.has(key)) return;
    const timer = setTimeout(() => {
      timers.delete(key);
      work().catch((error: unknown) => deps.logger.warn({ err: error, queue: key }, 'queue push failed'));
    }, windowMs);
    timer.unref();
    timers.set(key, timer);
  }

  return {
    /** Something changed in this queue: push positions and waits soon. */
    schedule(key: string): void {
      deps.snapshots.changed(key);
      later(key, () => push(key));
      later(STATS, pushStats, statsWindowMs);
      if (!stopped) for (const listener of changeListeners) listener(key);
    },
    /** Calls `listener` with the queue's key on every change scheduled here; returns the unsubscribe. */
    onScheduled(listener: (key: string) => void): () => void {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    stop(): void {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type QueuePush = ReturnType<typeof createQueuePush>;
