import type { AppContext } from '../app-context.js';
import { SYSTEM_ACTOR, type AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationHooks } from '../conversations/conversation-hooks.js';
import type { Feature } from '../infra/feature.js';
import { webhookModels } from './webhook.model.js';
import { createWebhookEndpoints } from './webhook-endpoints.service.js';
import { WEBHOOK_QUEUE, webhookJobOptions, type WebhookJob } from './webhook-jobs.js';
import { conversationSummary, messageSummary } from './webhook-payloads.js';
import { createWebhookDeliveryQueries } from './webhook-delivery-queries.js';
import { createWebhookProducer } from './webhook-producer.js';
import { webhookProcessor } from './webhook.worker.js';
import { webhooksRoutes } from './webhooks.routes.js';

/**
 * Outbound webhooks: admins register endpoints; conversation events become
 * signed deliveries, one BullMQ job each, sent by workers in each
 * conversation's order. Listeners only hand events to the producer, which
 * returns at once: nobody's ack or answer waits for a webhook.
 */
export function createWebhooksFeature(
  context: AppContext,
  deps: { restAuth: RestAuth; audit: AuditService; hooks: ConversationHooks },
) {
  const { config, logger, queues } = context;
  const models = webhookModels(context.mongo);
  const endpoints = createWebhookEndpoints({
    models,
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    logger,
    refreshMs: config.WEBHOOK_REFRESH,
    rotationOverlapMs: config.WEBHOOK_SECRET_OVERLAP,
  });
  const jobOptions = webhookJobOptions({ attempts: config.WEBHOOK_ATTEMPTS, backoffMs: config.WEBHOOK_BACKOFF });
  const queue = () => queues.queue<WebhookJob>(WEBHOOK_QUEUE);
  const producer = createWebhookProducer({
    routes: endpoints.routes,
    queue,
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    logger,
    jobOptions,
  });

  const { hooks } = deps;
  const scopeOf = (conversation: { _id: { toHexString(): string }; customerId: { toHexString(): string } }) => ({
    conversationId: conversation._id.toHexString(),
    customerId: conversation.customerId.toHexString(),
  });
  hooks.on('created', (conversation) => {
    // A message left offline is announced with its text, once it is stored.
    if (conversation.offline) return;
    producer.publish('conversation.started', scopeOf(conversation), () => ({
      conversation: conversationSummary(conversation),
    }));
  });
  hooks.on('assigned', (conversation) => {
    producer.publish('conversation.assigned', scopeOf(conversation), () => ({
      conversation: conversationSummary(conversation),
      agent: { id: conversation.agentId?.toHexString() ?? null, displayName: conversation.agentCard?.displayName },
    }));
  });
  hooks.on('transferred', (conversation, move) => {
    producer.publish('conversation.transferred', scopeOf(conversation), () => ({
      conversation: conversationSummary(conversation),
      reason: move.reason,
      fromAgentId: move.fromAgentId,
      to: move.to,
    }));
  });
  hooks.on('closed', (conversation) => {
    producer.publish('conversation.closed', scopeOf(conversation), () => ({
      conversation: conversationSummary(conversation),
    }));
  });
  hooks.on('messageStored', ({ conversationId, state }, message) => {
    if (message.author.kind === 'system') return;
    producer.publish(
      'message.created',
      { conversationId: conversationId.toHexString(), customerId: state.customerId, internal: message.internal },
      () => ({
        conversation: { id: conversationId.toHexString(), customerId: state.customerId, agentId: state.agentId },
        message: messageSummary(message),
      }),
    );
  });
  hooks.on('rated', (conversation, rating) => {
    producer.publish('conversation.rated', scopeOf(conversation), () => ({
      conversation: conversationSummary(conversation),
      rating: rating.rating,
      ...(rating.comment === undefined ? {} : { comment: rating.comment }),
      ratedAt: rating.ratedAt,
    }));
  });
  hooks.on('offlineMessageLeft', (conversation, message) => {
    producer.publish('offline-message.left', scopeOf(conversation), () => ({
      conversation: conversationSummary(conversation),
      message: messageSummary(message),
    }));
  });

  queues.worker(
    WEBHOOK_QUEUE,
    webhookProcessor({
      endpoints,
      models,
      redis: context.redis.command,
      prefix: config.REDIS_PREFIX,
      queue,
      timeoutMs: config.WEBHOOK_TIMEOUT,
      disableAfter: config.WEBHOOK_DISABLE_AFTER,
      onDisabled: (endpoint) =>
        deps.audit.record({
          actor: SYSTEM_ACTOR,
          action: 'webhook.auto-disable',
          target: { kind: 'webhook', id: endpoint._id.toHexString(), name: endpoint.url },
          details: { failures: endpoint.consecutiveFailures },
        }),
      logger,
    }),
    { concurrency: config.WEBHOOK_CONCURRENCY },
  );

  const feature: Feature = {
    name: 'webhooks',
    routes: webhooksRoutes({ auth: deps.restAuth, endpoints, models, audit: deps.audit, queue, jobOptions }),
    async start() {
      await Promise.all([models.Endpoint.init(), models.Delivery.init()]);
      await endpoints.start();
    },
    async stop() {
      endpoints.stop();
      await producer.settled();
    },
  };
  /** Erasure: queued and kept delivery jobs carrying this customer's data are removed (running ones finish). */
  async function forgetCustomerJobs(customerId: string): Promise<number> {
    const jobs = await queue().getJobs(
      ['completed', 'failed', 'delayed', 'waiting', 'prioritized', 'paused'],
      0,
      9_999,
    );
    const theirs = jobs.filter((job) => (job as { data?: WebhookJob } | undefined)?.data?.customerId === customerId);
    await Promise.all(theirs.map((job) => job.remove().catch(() => undefined)));
    return theirs.length;
  }

  return {
    feature,
    services: {
      webhooks: {
        endpoints,
        producer,
        forgetCustomerJobs,
        ...createWebhookDeliveryQueries(models.Delivery),
      },
    },
  };
}

export type WebhooksServices = ReturnType<typeof createWebhooksFeature>['services'];
