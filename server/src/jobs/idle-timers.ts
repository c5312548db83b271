import type { QueueFactory } from '../infra/queues.js';
import { idleTimerId, QUEUES, type IdleJob } from './job-queues.js';

export type RescheduleMode = 'reset' | 'ensure';

/**
 * The producer side of the per-conversation idle timer: one BullMQ delayed
 * job per conversation, addressed by a deduplication id, so every reschedule
 * is a single Redis call (one EVALSHA of BullMQ's add script):
 *
 * - `reset` (debounce mode: `replace`) swaps the pending delayed job for
 *   one due after `delayMs`: used when the turn changes (the customer writes
 *   after the agent answered, or the chat is assigned), by the worker to
 *   re-arm itself, and with `delayMs` 0 to have the timer look again now;
 * - `ensure` (plain deduplication) adds one only if none is pending: used for
 *   further customer messages in the same turn, whose clock must not move.
 *
 * While the timer's job is running, BullMQ keeps the *last* add made with
 * `keepLastIfActive` and enqueues it when that job finishes. Hence:
 *
 * - `reset` keeps it: a turn change that lands while the job runs is not
 *   dropped (without it BullMQ ignores an add while the job is active);
 * - `ensure` does not: with it, a same-turn message landing after the
 *   running job re-armed itself would replace that re-arm with a fresh
 *   `delayMs`, moving the deadline later (measured: a re-arm due in 200 ms
 *   became one due in an hour; tests/jobs/idle-reschedule.test.ts). The
 *   running job has read that turn already, so its own re-arm is right.
 *
 * The worker covers the other half of the race (an add landing between its
 * read and its re-arm, which its re-arm would replace): see idle.worker.ts.
 * A `reset` that finds the job neither delayed nor running (promoted to
 * `wait`) is ignored by BullMQ; that job has not read anything yet, so it
 * sees the change when it runs.
 */
export function createIdleTimers(queues: QueueFactory) {
  const queue = queues.queue<IdleJob>(QUEUES.idle, {
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      // Timers are many and short-lived: keep none that completed, failures for a week.
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
    // Every reschedule writes a "deduplicated" event; nobody reads this stream beyond debugging.
    eventsMaxLen: 1_000,
  });

  return {
    queue,
    async schedule(conversationId: string, delayMs: number, mode: RescheduleMode): Promise<void> {
      await queue.add(
        'idle',
        { conversationId },
        {
          delay: Math.max(0, Math.round(delayMs)),
          deduplication: {
            id: idleTimerId(conversationId),
            ...(mode === 'reset' ? { replace: true, keepLastIfActive: true } : {}),
          },
        },
      );
    },
  };
}

export type IdleTimers = ReturnType<typeof createIdleTimers>;
