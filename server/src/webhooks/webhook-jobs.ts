import { WEBHOOK_EVENTS } from '@switchboard/shared';
import { objectIdSchema } from '@switchboard/shared/schemas';
import { z } from 'zod';

import type { JobsOptions } from 'bullmq';

export const WEBHOOK_QUEUE = 'webhooks';

/**
 * Every delivery job carries its retry policy itself: the queue may have been
 * created earlier with the factory's defaults (the jobs dashboard creates one
 * per known queue at start), so queue-level defaults cannot be relied on.
 */
export function webhookJobOptions(policy: { attempts: number; backoffMs: number }): JobsOptions {
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/**
 * One delivery: an event to one endpoint. Parsed again in the worker (Redis
 * is a boundary). `lane` is its place among the deliveries of the same
 * conversation to the same endpoint: the worker sends them in that order.
 * A redelivery has no lane: an admin asked for it now.
 */
export const webhookJobSchema = z
  .object({
    deliveryId: z.uuid(),
    endpointId: objectIdSchema,
    event: z.enum(WEBHOOK_EVENTS),
    conversationId: objectIdSchema,
    customerId: objectIdSchema.optional(),
    body: z.string().min(2).max(1_000_000),
    lane: z.number().int().min(1).optional(),
  })
  .strict();
export type WebhookJob = z.infer<typeof webhookJobSchema>;

/** Job ids of a lane are derived from its place, so the worker can look up the delivery before one. */
export const laneJobId = (endpointId: string, conversationId: string, lane: number) =>
  `wh.${endpointId}.${conversationId}.${lane}`;

/** Redis keys of a lane: the last place handed out, and the last place finished (delivered or given up). */
export const laneKeys = (prefix: string, endpointId: string, conversationId: string) => ({
  taken: `${prefix}:webhooks:lane:${endpointId}:${conversationId}:taken`,
  done: `${prefix}:webhooks:lane:${endpointId}:${conversationId}:done`,
});

/** Lanes are forgotten this long after their last event (a conversation's deliveries are long over by then). */
export const LANE_TTL_MS = 30 * 86_400_000;
/**
 * A lane's "done" place is forgotten a day sooner than its last place taken:
 * a lane that lost only its "taken" counter would start again at 1 below a
 * "done" mark and skip its new deliveries as already sent; the other way
 * round, a delivery finds no earlier one queued and simply goes.
 */
export const LANE_DONE_TTL_MS = LANE_TTL_MS - 86_400_000;
