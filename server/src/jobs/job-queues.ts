import { objectIdSchema } from '@switchboard/shared/schemas';
import { z } from 'zod';

/**
 * Every queue of the jobs feature and the data its jobs carry. Job data is
 * parsed with these schemas in the worker too: Redis is a boundary (an old
 * deployment's jobs, a hand-edited job) like any other.
 */
export const QUEUES = {
  /** One pending timer per live conversation: the customer's check-in and close, and the agent-reply SLA. */
  idle: 'idle-timers',
  /** The idle timers' safety net: one repeatable job per deployment (scheduled by jobs.feature.ts, run by idle-rearm.ts). */
  idleSweep: 'idle-timer-sweep',
  /** One job per transcript request, so each request sends one email. */
  transcripts: 'transcripts',
} as const;

export const idleJobSchema = z.object({ conversationId: objectIdSchema }).strict();
export type IdleJob = z.infer<typeof idleJobSchema>;

export const transcriptJobSchema = z
  .object({
    conversationId: objectIdSchema,
    /** The delivery log entry this job sends (`close`, or `req-…` for a customer request). */
    requestId: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
export type TranscriptJob = z.infer<typeof transcriptJobSchema>;

/** BullMQ job id of a transcript request: a second enqueue of the same request is a no-op. */
export const transcriptJobId = (job: TranscriptJob) => `transcript.${job.conversationId}.${job.requestId}`;

/** Deduplication id of a conversation's idle timer. */
export const idleTimerId = (conversationId: string) => `idle.${conversationId}`;
