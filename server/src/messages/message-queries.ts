import type { Types } from 'mongoose';
import type { messageModel } from './message.model.js';

type MessageModel = ReturnType<typeof messageModel>;

/**
 * The questions other folders ask of stored messages, one query each, so the
 * messages folder alone knows the collection's shape. The reads go by
 * `{conversationId, seq}`, the index catch-up uses.
 */
export function createMessageQueries(Message: MessageModel) {
  return {
    /** The latest `limit` messages customers see, newest first: enough to tell whose turn it is and since when. */
    latestVisible: (conversationId: Types.ObjectId, limit: number) =>
      Message.find({ conversationId, internal: false }, { author: 1, system: 1, createdAt: 1, seq: 1 })
        .sort({ seq: -1 })
        .limit(limit)
        .lean(),

    /** Every message customers see, oldest first, with what a transcript shows of each. */
    visibleTranscript: (conversationId: Types.ObjectId) =>
      Message.find({ conversationId, internal: false }, { author: 1, body: 1, createdAt: 1, attachment: 1 })
        .sort({ seq: 1 })
        .lean(),

    /** Every message of a conversation, whole, oldest first (a data export). */
    allOfConversation: (conversationId: Types.ObjectId) => Message.find({ conversationId }).sort({ seq: 1 }).lean(),

    /** Deletes every message of a conversation; how many went. */
    removeAllOfConversation: async (conversationId: Types.ObjectId) =>
      (await Message.deleteMany({ conversationId })).deletedCount,

    /** Marks a message's file as removed (retention deleted its bytes): clients show "file removed". */
    async markAttachmentRemoved(messageId: Types.ObjectId): Promise<void> {
      await Message.updateOne({ _id: messageId }, { $set: { 'attachment.removed': true } });
    },
  };
}
