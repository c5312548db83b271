import { AppError, type ConversationRate, type ConversationRated } from '@switchboard/shared';
import type { Connection } from 'mongoose';
import { conversationLockKey } from '../conversations/conversation-lock.js';
import { conversationModels } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { CustomerPrincipal } from '../customers/customers.service.js';
import type { DocumentLocks } from '../infra/document-lock.js';

/** The rating as kept on the conversation document (`satisfaction`), for reports (S5). */
export interface StoredSatisfaction {
  rating: number;
  comment?: string;
  ratedAt: Date;
}

/** W6: customers rate their own chats once they have ended. */
export function createFeedbackService(deps: {
  mongo: Connection;
  locks: DocumentLocks;
  conversations: ConversationsService;
}) {
  const { Conversation } = conversationModels(deps.mongo);
  return {
    async rate(customer: CustomerPrincipal, input: ConversationRate): Promise<ConversationRated> {
      // Read, check the status, write: under the conversation's lock (docs/consistency.md),
      // so a rating cannot land on a chat that another process is reopening or changing.
      return deps.locks.run(conversationLockKey(input.conversationId), async () => {
        // X2: someone else's conversation answers NOT_FOUND, like a missing one.
        const conversation = await deps.conversations.get(
          input.conversationId,
          { kind: 'customer', customer },
          'write',
        );
        if (conversation.status !== 'closed') {
          throw new AppError('CONFLICT', 'A chat can be rated once it has ended.', { status: conversation.status });
        }
        const comment = input.comment === '' ? undefined : input.comment;
        const satisfaction: StoredSatisfaction = {
          rating: input.rating,
          ...(comment === undefined ? {} : { comment }),
          ratedAt: new Date(),
        };
        // `satisfaction` is this feature's field, not in the messaging feature's schema: strict off for it alone.
        await Conversation.updateOne({ _id: conversation._id }, { $set: { satisfaction } }, { strict: false });
        return {
          conversationId: input.conversationId,
          rating: satisfaction.rating,
          ...(comment === undefined ? {} : { comment }),
          ratedAt: satisfaction.ratedAt.toISOString(),
        };
      });
    },

    /** The stored rating of a conversation, or null. */
    async ratingOf(conversationId: string): Promise<StoredSatisfaction | null> {
      const found = await Conversation.findById(conversationId, { satisfaction: 1 })
        .lean<{ satisfaction?: StoredSatisfaction | null }>()
        .exec();
      return found?.satisfaction ?? null;
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
