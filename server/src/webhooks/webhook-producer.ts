import { randomUUID } from 'node:crypto';
import type { WebhookEvent, WebhookPayload } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import type { JobsOptions, Queue } from 'bullmq';
import type { Logger } from '../infra/logger.js';
import type { EndpointRoute } from './webhook-endpoints.service.js';
import { LANE_TTL_MS, laneJobId, laneKeys, type WebhookJob } from './webhook-jobs.js';

export interface WebhookScope {
  conversationId: string;
  customerId?: string;
  /** An internal note: only endpoints that asked for notes get it. */
  internal?: boolean;
}

interface Pending {
  event: WebhookEvent;
  scope: WebhookScope;
  data: () => Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Turns conversation events into delivery jobs, off every path that answers
 * someone: `publish` only looks at the in-memory endpoint list and returns.
 * With no endpoint for the event it does nothing at all; otherwise the
 * events of one tick are enqueued together: one Redis pipeline taking each
 * delivery's place in its lane (endpoint × conversation), then one `addBulk`.
 * An event lost to a Redis failure here is logged (the chat itself is stored).
 */
export function createWebhookProducer(deps: {
  routes: () => readonly EndpointRoute[];
  queue: () => Queue<WebhookJob>;
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** Attempts, backoff and retention of each job (webhook-jobs.ts). */
  jobOptions: JobsOptions;
}) {
  let pending: Pending[] = [];
  let flushing: Promise<void> = Promise.resolve();

  async function flush(batch: Pending[]): Promise<void> {
    const jobs: { endpointId: string; item: Pending }[] = [];
    for (const item of batch) {
      for (const route of deps.routes()) {
        if (!route.events.has(item.event)) continue;
        if (item.scope.internal && !route.includeInternalNotes) continue;
        jobs.push({ endpointId: route.id, item });
      }
    }
    if (jobs.length === 0) return;
    const pipeline = deps.redis.pipeline();
    for (const { endpointId, item } of jobs) {
      const { taken } = laneKeys(deps.prefix, endpointId, item.scope.conversationId);
      pipeline.incr(taken).pexpire(taken, LANE_TTL_MS);
    }
    const replies = (await pipeline.exec()) ?? [];
    const bodies = new Map<Pending, Record<string, unknown>>();
    const bulk = jobs.map(({ endpointId, item }, index) => {
      const [error, place] = replies[index * 2] ?? [new Error('no reply')];
      if (error) throw error;
      const lane = Number(place);
      const deliveryId = randomUUID();
      let data = bodies.get(item);
      if (!data) bodies.set(item, (data = item.data()));
      const payload: WebhookPayload = {
        id: deliveryId,
        event: item.event,
        occurredAt: item.occurredAt.toISOString(),
        data,
      };
      const job: WebhookJob = {
        deliveryId,
        endpointId,
        event: item.event,
        conversationId: item.scope.conversationId,
        ...(item.scope.customerId ? { customerId: item.scope.customerId } : {}),
        body: JSON.stringify(payload),
        lane,
      };
      return {
        name: item.event,
        data: job,
        opts: { ...deps.jobOptions, jobId: laneJobId(endpointId, item.scope.conversationId, lane) },
      };
    });
    await deps.queue().addBulk(bulk);
  }

  const wants = (event: WebhookEvent) => deps.routes().some((route) => route.events.has(event));

  return {
    /** Whether any enabled endpoint wants this event (callers skip building anything otherwise). */
    wants,

    /** Queues the event for every endpoint that wants it; never waits, never throws. */
    publish(event: WebhookEvent, scope: WebhookScope, data: () => Record<string, unknown>): void {
      if (!wants(event)) return;
      pending.push({ event, scope, data, occurredAt: new Date() });
      if (pending.length > 1) return;
      setImmediate(() => {
        const batch = pending;
        pending = [];
        // Batches go out one after the other, so lanes are taken in the order events happened here.
        flushing = flushing
          .then(() => flush(batch))
          .catch((error: unknown) =>
            deps.logger.error({ err: error, events: batch.length }, 'webhook deliveries could not be queued'),
          );
      });
    },

    /** Waits for the events published so far to be queued (graceful stop, tests). */
    async settled(): Promise<void> {
      await new Promise((resolve) => setImmediate(resolve));
      await flushing;
    },
  };
}

export type WebhookProducer = ReturnType<typeof createWebhookProducer>;
