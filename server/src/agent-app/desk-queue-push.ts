import type { QueueChanged, QueueEntry } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import { agentRoom, SUPERVISORS_ROOM } from '../auth/principal.js';
import type { Logger } from '../infra/logger.js';
import { changedSinceLastPush } from '../infra/push-dedupe.js';
import type { SocketServer } from '../infra/socket-server.js';

/** The general queue's key (routing's GENERAL_QUEUE): topics no department claims; every agent may take them. */
const GENERAL_QUEUE = 'general';
/** How long the fingerprint of the last push is kept: long enough to skip the routing sweep's repeats. */
const FINGERPRINT_TTL_MS = 3_600_000;

export interface DeskQueuePushDeps {
  sockets: SocketServer;
  redis: Redis;
  prefix: string;
  /** A queue's waiting chats as `queue.list` answers them; null when the queue no longer exists. */
  entriesOf: (key: string) => Promise<QueueEntry[] | null>;
  /** The ids of the active agents of a department. */
  agentsOf: (departmentId: string) => Promise<string[]>;
  debounceMs: number;
  logger: Logger;
}

/**
 * `queue.changed` to agents: whenever routing schedules a queue's
 * push, the desk's of that department's agents (and supervisors) get its
 * waiting chats after the same short window, so a burst of arrivals costs one
 * read. Emitted through the adapter (any process reaches any agent). A push
 * identical to the last one any process sent for that queue — the routing
 * sweep re-schedules every queue every few seconds — is skipped; the
 * fingerprint lives in Redis so processes agree on it. Desks catch up with
 * `queue.list` on every (re)connect, so a skipped or lost push costs nothing.
 */
export function createDeskQueuePush(deps: DeskQueuePushDeps) {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  async function push(key: string): Promise<void> {
    const entries = await deps.entriesOf(key);
    if (!entries) return;
    const payload: QueueChanged = { departmentId: key === GENERAL_QUEUE ? null : key, entries };
    if (!(await changedSinceLastPush(deps.redis, `${deps.prefix}:desk:queue:${key}`, payload, FINGERPRINT_TTL_MS))) {
      return;
    }
    const agents = deps.sockets.namespace('agent');
    if (payload.departmentId === null) {
      agents.emit('queue.changed', payload);
      return;
    }
    const members = await deps.agentsOf(payload.departmentId);
    agents.to([SUPERVISORS_ROOM, ...members.map(agentRoom)]).emit('queue.changed', payload);
  }

  return {
    /** A queue changed: push its waiting chats to the desks soon. */
    schedule(key: string): void {
      if (stopped || timers.has(key)) return;
      const timer = setTimeout(() => {
        timers.delete(key);
        push(key).catch((error: unknown) => deps.logger.warn({ err: error, queue: key }, 'desk queue push failed'));
      }, deps.debounceMs);
      timer.unref();
      timers.set(key, timer);
    },
    stop(): void {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type DeskQueuePush = ReturnType<typeof createDeskQueuePush>;
