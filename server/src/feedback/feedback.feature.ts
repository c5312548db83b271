import { conversationRateSchema } from '@switchboard/shared';
import type { AppContext } from '../app-context.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { requireCustomer } from '../customers/customer-auth.js';
import type { Feature, SocketContext } from '../infra/feature.js';
import { createRateLimit } from '../infra/rate-limit.js';
import { defineHandler } from '../infra/socket-handler.js';
import { createFeedbackService } from './feedback.service.js';

/** Satisfaction ratings from the widget's end screen (W6): `conversation.rate` on `/customer`. */
export function createFeedbackFeature(context: AppContext, deps: { conversations: ConversationsService }) {
  const feedback = createFeedbackService({
    mongo: context.mongo,
    locks: context.locks,
    conversations: deps.conversations,
  });
  const limit = createRateLimit({
    redis: context.redis.command,
    keyPrefix: `${context.config.REDIS_PREFIX}:rl:rate`,
    points: 20,
    durationSeconds: 60,
  });
  const feature: Feature = {
    name: 'feedback',
    handlers: {
      customer: {
        'conversation.rate': defineHandler(conversationRateSchema, async (payload, { socket }: SocketContext) => {
          const customer = requireCustomer(socket);
          await limit.consume(customer.id);
          return feedback.rate(customer, payload);
        }),
      },
    },
  };
  return { feature, services: { feedback } };
}
