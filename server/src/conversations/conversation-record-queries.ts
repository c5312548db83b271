import type { Types } from 'mongoose';
import type { ConversationDocument, conversationModels } from './conversation.model.js';

type ConversationModel = ReturnType<typeof conversationModels>['Conversation'];

/** A customer's rating as kept on the conversation document (`satisfaction`, the feedback feature's field). */
export interface StoredSatisfaction {
  rating: number;
  comment?: string;
  ratedAt: Date;
}

/** What a report reads of each chat. */
const REPORT_FIELDS = {
  status: 1,
  offline: 1,
  departmentId: 1,
  agentId: 1,
  createdAt: 1,
  queuedAt: 1,
  assignedAt: 1,
  firstAgentReplyAt: 1,
  closedAt: 1,
  'satisfaction.rating': 1,
};
export type ReportRecord = Pick<
  ConversationDocument,
  | '_id'
  | 'status'
  | 'offline'
  | 'departmentId'
  | 'agentId'
  | 'createdAt'
  | 'queuedAt'
  | 'assignedAt'
  | 'firstAgentReplyAt'
  | 'closedAt'
> & { satisfaction?: { rating?: number | null } | null };

/** Closed chats older than the cutoff that retention has not handled yet. */
const closedBefore = (cutoff: Date) => ({
  status: 'closed' as const,
  closedAt: { $lt: cutoff },
  erasedAt: { $exists: false },
});

/**
 * The reads and writes of whole conversation records that the features
 * around the chat make (ratings, reports, data protection), one query each,
 * so the conversations folder alone knows the collection's shape.
 */
export function createConversationRecordQueries(Conversation: ConversationModel) {
  return {
    /** Stores a rating on a closed chat; rating again replaces the earlier rating. */
    async storeRating(id: Types.ObjectId, satisfaction: StoredSatisfaction): Promise<void> {
      // `satisfaction` is the feedback feature's field, not in the messaging feature's schema: strict off for it alone.
      await Conversation.updateOne({ _id: id, status: 'closed' }, { $set: { satisfaction } }, { strict: false });
    },

    /** The stored rating of a conversation, or null. */
    async ratingOf(id: string): Promise<StoredSatisfaction | null> {
      const found = await Conversation.findById(id, { satisfaction: 1 })
        .lean<{ satisfaction?: StoredSatisfaction | null }>()
        .exec();
      return found?.satisfaction ?? null;
    },

    /** The chats started in a window (of one department, when given), streamed in batches. */
    reportRecords: (
      window: { start: Date; end: Date; departmentId?: Types.ObjectId },
      batchSize: number,
    ): AsyncIterable<ReportRecord> =>
      Conversation.find(
        {
          createdAt: { $gte: window.start, $lt: window.end },
          ...(window.departmentId ? { departmentId: window.departmentId } : {}),
        },
        REPORT_FIELDS,
      )
        .lean<ReportRecord>()
        .cursor({ batchSize }),

    /** How many closed chats retention would handle for this cutoff. */
    countClosedBefore: (cutoff: Date) => Conversation.countDocuments(closedBefore(cutoff)),

    /** The ids of the closed chats retention handles for this cutoff. */
    idsClosedBefore: async (cutoff: Date) =>
      (await Conversation.find(closedBefore(cutoff), { _id: 1 }).lean()).map((each) => each._id),

    /** Chats whose pre-chat form carried an email: who they belong to and that form. */
    withPrechatEmail: () =>
      Conversation.find({ 'prechat.email': { $exists: true } }, { customerId: 1, prechat: 1 }).lean(),

    /** How many chats a customer has. */
    countOfCustomer: (customerId: Types.ObjectId) => Conversation.countDocuments({ customerId }),

    /** A customer's chats, whole, oldest first. */
    allOfCustomer: (customerId: Types.ObjectId) => Conversation.find({ customerId }).sort({ createdAt: 1 }).lean(),

    /** A customer's chats and their status. */
    statusesOfCustomer: (customerId: Types.ObjectId) => Conversation.find({ customerId }, { _id: 1, status: 1 }).lean(),

    /** Deletes a conversation record. */
    async removeRecord(id: Types.ObjectId): Promise<void> {
      await Conversation.deleteOne({ _id: id });
    },

    /** Keeps a conversation as a shell: pre-chat details and the rating's comment gone, the time of that kept. */
    async redactRecord(id: Types.ObjectId): Promise<void> {
      // `satisfaction` and `erasedAt` belong to other features' views of the document: strict off for them.
      await Conversation.updateOne(
        { _id: id },
        { $unset: { prechat: 1, 'satisfaction.comment': 1 }, $set: { erasedAt: new Date() } },
        { strict: false },
      );
    },
  };
}

export type ConversationRecordQueries = ReturnType<typeof createConversationRecordQueries>;
