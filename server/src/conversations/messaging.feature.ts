import type { AgentView, AttachmentView } from '@switchboard/shared';
import type { TeamAway } from '@switchboard/shared/i18n';
import type { Types } from 'mongoose';
import type { AppContext } from '../app-context.js';
import { createAttachmentClaims } from '../attachments/attachment-claims.js';
import type { AttachmentRef } from '../attachments/attachment-links.js';
import { customerHandshake } from '../customers/customer-auth.js';
import { createCustomersService } from '../customers/customers.service.js';
import { createPrechatRequirements, type RequiredPrechatFields } from '../customers/prechat-requirements.js';
import { defineFeature } from '../infra/feature.js';
import { createLocalRateLimit, createRateLimit } from '../infra/rate-limit.js';
import { createMessagesService } from '../messages/messages.service.js';
import { agentSocketHandlers, onAgentConnection } from './agent.socket.js';
import { createBroadcaster } from './broadcast.js';
import { createConversationActions } from './conversation-actions.js';
import { createConversationHooks } from './conversation-hooks.js';
import { createConversationsService } from './conversations.service.js';
import { messagePathRecords } from './message-path-records.js';
import { customerSocketHandlers, onCustomerConnection } from './customer.socket.js';

/**
 * Customers, conversations and messages: the message path (docs/architecture.md)
 * on both namespaces. Returns its services for the features built on it.
 */
export function createMessagingFeature(
  context: AppContext,
  deps: {
    agentView: (agentId: string) => Promise<AgentView | null>;
    /** How a message shows its file (signed links; attachments feature). */
    attachmentView?: (ref: AttachmentRef) => AttachmentView;
    /** From the departments feature: which queue a pre-chat topic goes to. */
    departmentFor?: (topic: string) => Promise<Types.ObjectId | null>;
    /** From routing: why nobody of a queue's team can answer now (the welcome line says so), or null. */
    teamAway?: (departmentId: Types.ObjectId | null) => Promise<TeamAway | null>;
    /** From the widget feature: host origins allowed now (admin-edited); WIDGET_ALLOWED_ORIGINS without it. */
    widgetOrigins?: () => Promise<readonly string[]>;
    /** From the widget feature: the pre-chat fields the admins' saved settings require (null: none saved). */
    requiredPrechatFields?: RequiredPrechatFields;
  },
) {
  const { config, redis, mongo, sockets, logger } = context;
  const hooks = createConversationHooks((error, event) =>
    logger.error({ err: error, event }, 'conversation hook failed'),
  );
  const broadcast = createBroadcaster(sockets);
  const customers = createCustomersService(mongo, config.IDENTITY_SECRET);
  const prechat = createPrechatRequirements(customers, deps.requiredPrechatFields ?? (() => Promise.resolve(null)));
  const messages = createMessagesService({
    mongo,
    redis: redis.command,
    prefix: config.REDIS_PREFIX,
    logger,
    conversations: messagePathRecords(mongo),
    ...(deps.attachmentView ? { attachmentView: deps.attachmentView } : {}),
  });
  const conversations = createConversationsService({
    mongo,
    redis: redis.command,
    prefix: config.REDIS_PREFIX,
    onSideEffectFailed: (error, what) => logger.error({ err: error }, what),
    customers,
    messages,
    broadcast,
    hooks,
    ...(deps.departmentFor ? { departmentFor: deps.departmentFor } : {}),
    ...(deps.teamAway ? { teamAway: deps.teamAway } : {}),
  });
  const limit = (name: string, points: number, durationSeconds: number) =>
    createRateLimit({ redis: redis.command, keyPrefix: `${config.REDIS_PREFIX}:rl:${name}`, points, durationSeconds });
  const actions = createConversationActions({
    conversations,
    messages,
    broadcast,
    hooks,
    attachments: createAttachmentClaims(mongo),
    messageLimits: {
      customer: { keyPrefix: 'rl:msg:c', points: config.CUSTOMER_MESSAGE_RATE, windowMs: 10_000 },
      agent: { keyPrefix: 'rl:msg:a', points: config.AGENT_MESSAGE_RATE, windowMs: 10_000 },
    },
    typingLimit: createLocalRateLimit(10, 5),
  });
  const startLimit = limit('start', 30, 60);

  const feature = defineFeature({
    name: 'messaging',
    middlewares: { customer: [customerHandshake(customers, config, deps.widgetOrigins)] },
    handlers: {
      customer: customerSocketHandlers({ customers, prechat, conversations, actions, broadcast, startLimit }),
      agent: agentSocketHandlers({ conversations, actions, customers }),
    },
    onConnection: {
      customer: onCustomerConnection({ conversations }),
      agent: onAgentConnection({ conversations, customers, agentView: deps.agentView }),
    },
    async stop() {
      // Messages in flight are stored (their acks may still reach the client), and the
      // conversations' summaries written behind them are written now rather than lost.
      await messages.settled();
      await messages.flushActivity();
    },
  });
  return { feature, services: { customers, prechat, conversations, messages, hooks, broadcast } };
}

export type MessagingServices = ReturnType<typeof createMessagingFeature>['services'];
