import type { AppContext } from '../app-context.js';
import type { ConversationHooks } from '../conversations/conversation-hooks.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { RatingLinks } from '../transcripts/rating-links.js';
import { requireCustomer } from '../customers/customer-auth.js';
import { defineFeature } from '../infra/feature.js';
import { createRateLimit } from '../infra/rate-limit.js';
import { defineHandlers } from '../infra/socket-handler.js';
import { createFeedbackService } from './feedback.service.js';
import { ratingPageRoutes } from './rating-page.routes.js';

/**
 * Satisfaction ratings (1–5 and a comment): from the widget's end screen
 * (`conversation.rate` on `/customer`) and from the transcript email's link
 * (the rating page).
 */
export function createFeedbackFeature(
  context: AppContext,
  deps: { conversations: ConversationsService; ratingLinks: RatingLinks; hooks: ConversationHooks },
) {
  const feedback = createFeedbackService({
    conversations: deps.conversations,
    hooks: deps.hooks,
  });
  const limit = createRateLimit({
    redis: context.redis.command,
    keyPrefix: `${context.config.REDIS_PREFIX}:rl:rate`,
    points: 20,
    durationSeconds: 60,
  });
  const feature = defineFeature({
    name: 'feedback',
    routes: ratingPageRoutes({
      conversations: deps.conversations,
      links: deps.ratingLinks,
      feedback,
      limit: createRateLimit({
        redis: context.redis.command,
        keyPrefix: `${context.config.REDIS_PREFIX}:rl:rate-page`,
        points: 20,
        durationSeconds: 600,
      }),
      publicUrl: context.config.PUBLIC_URL,
    }),
    handlers: {
      customer: defineHandlers('customer', {
        'conversation.rate': async (payload, { socket }) => {
          const customer = requireCustomer(socket);
          await limit.consume(customer.id);
          return feedback.rate(customer, payload);
        },
      }),
    },
  });
  return { feature, services: { feedback } };
}
