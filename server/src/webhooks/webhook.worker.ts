import { DelayedError, UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../infra/logger.js';
import { parseInput } from '../infra/validation.js';
import type { WebhookEndpointDocument, WebhookModels } from './webhook.model.js';
import { secretsInForce, type WebhookEndpoints } from './webhook-endpoints.service.js';
import { LANE_DONE_TTL_MS, laneJobId, laneKeys, webhookJobSchema, type WebhookJob } from './webhook-jobs.js';
import { sendWebhook, type SendOutcome } from './webhook-sender.js';

/** Sets a lane's "done" place, never backwards (a late duplicate run must not reopen earlier places). */
const FINISH_LANE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`;

/**
 * How long a delivery waiting for its turn sleeps if nobody wakes it (the
 * one before it died between finishing and waking it): a safety net only.
 */
const TURN_FALLBACK_MS = 30_000;

/** Earlier places of a lane looked up before a delivery decides the ones before it are lost. */
const LOOK_BACK = 50;

export interface WebhookWorkerDeps {
  endpoints: WebhookEndpoints;
  models: WebhookModels;
  redis: Redis;
  prefix: string;
  queue: () => Queue<WebhookJob>;
  timeoutMs: number;
  /** Deliveries failed for good in a row after which an endpoint is turned off. */
  disableAfter: number;
  /** Told once when an endpoint is turned off for failing (the audit log, the console's notice). */
  onDisabled: (endpoint: WebhookEndpointDocument) => Promise<void>;
  logger: Logger;
}

/**
 * Sends one delivery, in its lane's order: a delivery whose predecessor (same
 * endpoint, same conversation) is still pending steps aside (delayed, which
 * is not an attempt, and costs nothing while it waits) and is woken when
 * that one finishes. A failure is
 * retried with BullMQ's backoff until the attempts are spent; then it is
 * given up, the lane moves on, and the endpoint's failure count grows.
 */
export function webhookProcessor(deps: WebhookWorkerDeps) {
  const { Delivery } = deps.models;

  async function finishLane(job: WebhookJob): Promise<void> {
    if (!job.lane) return;
    const keys = laneKeys(deps.prefix, job.endpointId, job.conversationId);
    await deps.redis.eval(FINISH_LANE, 1, keys.done, job.lane, LANE_DONE_TTL_MS);
    // Wake the next one at once rather than when its own wait runs out.
    const next = await deps.queue().getJob(laneJobId(job.endpointId, job.conversationId, job.lane + 1));
    if (next && (await next.isDelayed()) && next.attemptsMade === 0) await next.promote().catch(() => undefined);
  }

  /** 'go', 'done' (a duplicate run of a finished place) or 'wait' (an earlier place is still pending). */
  async function turnOf(job: WebhookJob): Promise<'go' | 'done' | 'wait'> {
    if (!job.lane) return 'go';
    const keys = laneKeys(deps.prefix, job.endpointId, job.conversationId);
    const done = Number(await deps.redis.get(keys.done)) || 0;
    if (job.lane <= done) return 'done';
    const queue = deps.queue();
    for (let place = job.lane - 1; place > done && place >= job.lane - LOOK_BACK; place -= 1) {
      if (await queue.getJob(laneJobId(job.endpointId, job.conversationId, place))) return 'wait';
    }
    // The places before were never queued (their enqueue failed): nothing to wait for.
    return 'go';
  }

  async function log(job: WebhookJob, status: string, outcome?: SendOutcome): Promise<void> {
    const now = new Date();
    await Delivery.updateOne(
      { _id: job.deliveryId },
      {
        $setOnInsert: {
          endpointId: job.endpointId,
          event: job.event,
          conversationId: job.conversationId,
          ...(job.customerId ? { customerId: job.customerId } : {}),
          body: job.body,
        },
        $set: {
          status,
          ...(outcome
            ? {
                latencyMs: outcome.latencyMs,
                lastAttemptAt: now,
                ...(outcome.responseStatus === undefined ? {} : { responseStatus: outcome.responseStatus }),
                ...(outcome.ok ? { deliveredAt: now } : { error: outcome.error }),
              }
            : {}),
        },
        ...(outcome?.ok ? { $unset: { error: 1 } } : {}),
        ...(outcome ? { $inc: { attempts: 1 } } : {}),
      },
      { upsert: true },
    );
  }

  return async (raw: Job<WebhookJob>, token?: string): Promise<string> => {
    const job = parseInput(webhookJobSchema, raw.data);
    const turn = await turnOf(job);
    if (turn === 'done') return 'already delivered';
    if (turn === 'wait') {
      // Steps aside without polling: the delivery before it promotes it when it finishes. If that
      // one finished between our look and our move, we see it now and promote ourselves.
      await raw.moveToDelayed(Date.now() + TURN_FALLBACK_MS, token);
      if ((await turnOf(job)) !== 'wait') await raw.promote().catch(() => undefined);
      throw new DelayedError();
    }
    const endpoint = await deps.endpoints.find(job.endpointId);
    if (!endpoint) {
      await finishLane(job);
      return 'endpoint deleted';
    }
    // Switched off after it was queued: kept in the log as skipped, so an admin can redeliver it.
    if (!endpoint.enabled && job.lane) {
      await log(job, 'skipped');
      await finishLane(job);
      return 'endpoint disabled';
    }
    const outcome = await sendWebhook({
      url: endpoint.url,
      deliveryId: job.deliveryId,
      event: job.event,
      body: job.body,
      secrets: secretsInForce(endpoint),
      timeoutMs: deps.timeoutMs,
    });
    if (outcome.ok) {
      await log(job, 'delivered', outcome);
      await finishLane(job);
      await deps.endpoints.recordSuccess(job.endpointId);
      return 'delivered';
    }
    const last = !outcome.retryable || raw.attemptsMade + 1 >= (raw.opts.attempts ?? 1);
    await log(job, last ? 'failed' : 'pending', outcome);
    if (!last) throw new Error(`webhook delivery failed: ${outcome.error ?? 'unknown'}`);
    await finishLane(job);
    const disabled = await deps.endpoints.recordFailure(job.endpointId, deps.disableAfter);
    if (disabled) {
      deps.logger.warn(
        { endpointId: job.endpointId, url: disabled.url, failures: disabled.consecutiveFailures },
        'webhook endpoint disabled after failed deliveries in a row',
      );
      await deps.onDisabled(disabled).catch((error: unknown) => deps.logger.error({ err: error }, 'notice failed'));
    }
    throw new UnrecoverableError(`webhook delivery failed for good: ${outcome.error ?? 'unknown'}`);
  };
}
