import type { MessageView } from '@switchboard/shared';
import type { AppContext } from '../app-context.js';
import type { AgentsService } from '../agents/agents.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { MessagingServices } from '../conversations/messaging.feature.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import { defineFeature, type Feature } from '../infra/feature.js';
import { createRateLimit } from '../infra/rate-limit.js';
import { scheduleRepeatingJob } from '../infra/repeating-jobs.js';
import type { Clock } from './clock.js';
import { createOfflineMessages } from './offline-message.js';
import { createRoutingMetrics } from './routing-metrics.js';
import { routingRoutes } from './routing.routes.js';
import { createRoutingService, type RoutingService } from './routing.service.js';
import { routingAgentHandlers, routingCustomerHandlers } from './routing.socket.js';

const SWEEP_QUEUE = 'routing-sweep';
/** Agent fields whose change can make a waiting chat assignable (or change estimates). */
const ROUTING_FIELDS = new Set<string>([
  'capacity',
  'departmentIds',
  'languages',
  'active',
  'displayName',
  'avatarUrl',
]);

/**
 * Sends an agent's reply to an offline message by email. The jobs
 * feature plugs the transcript mailer in here (features.ts); everything it
 * needs is on the conversation (`prechat.email`, `language`, `caseNumber`).
 */
export type OfflineReplySender = (conversation: ConversationDocument, message: MessageView) => Promise<void>;

export interface RoutingFeatureDeps {
  clock: Clock;
  agents: AgentsService;
  restAuth: RestAuth;
  departments: DepartmentsService;
  messaging: MessagingServices;
  offlineReply?: OfflineReplySender;
}

/** The client events this feature answers. */
export interface RoutingHandlers {
  agent: ReturnType<typeof routingAgentHandlers>;
  customer: ReturnType<typeof routingCustomerHandlers>;
}

/** Routing, queues and messages left offline: hooks into conversations and agents, the sweep, events and routes. */
export function createRoutingFeature(
  context: AppContext,
  deps: RoutingFeatureDeps,
): { feature: Feature<RoutingHandlers>; services: { routing: RoutingService } } {
  const { config, logger } = context;
  const routing = createRoutingService({
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    logger,
    sockets: context.sockets,
    clock: deps.clock,
    agents: deps.agents,
    messaging: deps.messaging,
    departments: deps.departments,
    metrics: createRoutingMetrics(context.metrics, deps.messaging.conversations, logger),
    generalLanguageFallbackSeconds: config.ROUTING_GENERAL_LANGUAGE_FALLBACK / 1000,
    queueDebounceMs: config.ROUTING_QUEUE_DEBOUNCE,
  });
  const leaveMessage = createOfflineMessages({
    messaging: deps.messaging,
    limit: createRateLimit({
      redis: context.redis.command,
      keyPrefix: `${config.REDIS_PREFIX}:rl:offline`,
      points: 10,
      durationSeconds: 60,
    }),
  });
  const offlineReply =
    deps.offlineReply ??
    ((conversation: ConversationDocument) => {
      logger.warn({ conversationId: conversation._id.toHexString() }, 'offline reply stored; no mailer is wired');
      return Promise.resolve();
    });
  const failed = (what: string) => (error: unknown) => logger.error({ err: error }, `routing: ${what} failed`);

  const { hooks } = deps.messaging;
  // Not awaited inside: the customer's start ack must not wait for a routing pass.
  hooks.on('created', (conversation) => {
    routing.onCreated(conversation).catch(failed('enqueue'));
  });
  hooks.on('assigned', (conversation, how) => routing.onAssigned(conversation, how).catch(failed('dequeue')));
  // Not awaited either: closing answers at once; the freed slot is re-counted and routed just after.
  hooks.on('closed', (conversation) => {
    routing.onClosed(conversation).catch(failed('release'));
  });
  hooks.on('messageStored', async ({ conversationId, state }, message) => {
    if (!state.offline || message.author.kind !== 'agent' || message.internal) return;
    // Rare (an agent answering a left message): the mailer needs the whole document.
    const conversation = await deps.messaging.conversations.load(conversationId.toHexString());
    if (conversation) await offlineReply(conversation, message);
  });
  // Awaited by the status change: a chat can be given to an agent as soon as they are told they are online.
  deps.agents.onStatusChanged((change) => routing.onAgentChanged(change.agentId).catch(failed('status change')));
  // More capacity, other departments or languages may mean a waiting chat fits now; a new name shows on the next chat.
  deps.agents.onUpdated(async (change) => {
    if (!change.fields.some((field) => ROUTING_FIELDS.has(field))) return;
    await routing.onAgentChanged(change.agentId).catch(failed('agent change'));
  });
  deps.departments.onChanged((departmentId) => {
    routing.onDepartmentChanged(departmentId).catch(failed('department change'));
  });
  context.queues.worker(SWEEP_QUEUE, () => routing.sweep(), { concurrency: 1 });

  const feature = defineFeature({
    name: 'routing',
    routes: routingRoutes(routing, deps.restAuth),
    handlers: {
      agent: routingAgentHandlers(routing),
      customer: routingCustomerHandlers(routing, leaveMessage),
    },
    async start() {
      await routing.prepare();
      await scheduleRepeatingJob(context.queues, SWEEP_QUEUE, { everyMs: config.ROUTING_SWEEP, jobName: 'sweep' });
    },
    async stop() {
      await routing.stop();
    },
  });
  return { feature, services: { routing } };
}
