import { AppError, type ConversationRate, type ConversationRated } from '@switchboard/shared';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { StoredSatisfaction } from '../conversations/conversation-record-queries.js';
import type { ConversationHooks } from '../conversations/conversation-hooks.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { CustomerPrincipal } from '../customers/customers.service.js';

export type { StoredSatisfaction };

/** Why a conversation cannot be rated now, or null when it can. */
export function notRateable(conversation: Pick<ConversationDocument, 'status' | 'firstAgentReplyAt'>): AppError | null {
  if (conversation.status !== 'closed') {
    return new AppError('CONFLICT', 'A chat can be rated once it has ended.', { status: conversation.status });
  }
  // The customer rates the advisor's help: a chat nobody answered has none to rate.
  if (!conversation.firstAgentReplyAt) {
    return new AppError('CONFLICT', 'No advisor answered this chat, so there is nothing to rate.', {
      reason: 'unanswered',
    });
  }
  return null;
}

/**
 * Customers rate their own chats once they have ended and an advisor
 * answered them — from the widget's end screen or from the link in the
 * transcript email; both store the same rating the same way.
 */
export function createFeedbackService(deps: {
  conversations: Pick<ConversationsService, 'get' | 'load' | 'storeRating' | 'ratingOf'>;
  /** Told after a rating is stored (webhooks). */
  hooks?: Pick<ConversationHooks, 'emit'>;
}) {
  /**
   * Read, check, write. A closed chat stays closed and its first reply stays
   * set, so what was checked still holds for the one-document write (made
   * conditional on it all the same). Rating again replaces the earlier rating.
   */
  async function store(
    conversationId: string,
    load: () => Promise<ConversationDocument>,
    input: Pick<ConversationRate, 'rating' | 'comment'>,
  ): Promise<ConversationRated> {
    const conversation = await load();
    const refusal = notRateable(conversation);
    if (refusal) throw refusal;
    const comment = input.comment === '' ? undefined : input.comment;
    const satisfaction: StoredSatisfaction = {
      rating: input.rating,
      ...(comment === undefined ? {} : { comment }),
      ratedAt: new Date(),
    };
    await deps.conversations.storeRating(conversation._id, satisfaction);
    const rated: ConversationRated = {
      conversationId,
      rating: satisfaction.rating,
      ...(comment === undefined ? {} : { comment }),
      ratedAt: satisfaction.ratedAt.toISOString(),
    };
    await deps.hooks?.emit('rated', conversation, rated);
    return rated;
  }

  return {
    /** From the widget: someone else's conversation answers NOT_FOUND, like a missing one. */
    rate(customer: CustomerPrincipal, input: ConversationRate): Promise<ConversationRated> {
      return store(
        input.conversationId,
        () => deps.conversations.get(input.conversationId, { kind: 'customer', customer }, 'write'),
        input,
      );
    },

    /** From the email's rating page: the caller has checked the link's token for this conversation. */
    rateByLink(
      conversationId: string,
      input: Pick<ConversationRate, 'rating' | 'comment'>,
    ): Promise<ConversationRated> {
      return store(
        conversationId,
        async () => {
          const conversation = await deps.conversations.load(conversationId);
          if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
          return conversation;
        },
        input,
      );
    },

    /** The stored rating of a conversation, or null. */
    ratingOf: (conversationId: string): Promise<StoredSatisfaction | null> =>
      deps.conversations.ratingOf(conversationId),
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
