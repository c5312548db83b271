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
 *   after the agent answered, or the chat is assigned);
 * - `ensure` (plain deduplication) adds one only if none is pending: used for
 *   further customer messages in the same turn, whose clock must not move.
 *
 * With `keepLastIfActive`, a reschedule that lands while the timer's job is
 * running is kept and enqueued as soon as that job finishes, instead of being
 * dropped. The worker uses the same call to re-arm the timer for its next
 * wake-up, so a conversation never has more than one pending idle job.
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
            keepLastIfActive: true,
            ...(mode === 'reset' ? { replace: true } : {}),
          },
        },
      );
    },
  };
}

export type IdleTimers = ReturnType<typeof createIdleTimers>;
