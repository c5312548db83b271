import type { Types } from 'mongoose';
import type { AttachmentDocument, attachmentModel } from './attachment.model.js';

type AttachmentModel = ReturnType<typeof attachmentModel>;

/**
 * What data protection reads and deletes of the files' records, so the
 * attachments folder alone knows the collection's shape.
 */
export function createAttachmentQueries(Attachment: AttachmentModel) {
  return {
    /** The files of these conversations, oldest first. */
    filesOfConversations: async (conversationIds: Types.ObjectId[]) =>
      (await Attachment.find({ conversationId: { $in: conversationIds } })
        .sort({ createdAt: 1 })
        .lean()) as AttachmentDocument[],

    /** The files of one conversation. */
    filesOfConversation: async (conversationId: Types.ObjectId) =>
      (await Attachment.find({ conversationId }).lean()) as AttachmentDocument[],

    /** Deletes a file's record (its bytes are the caller's to delete first). */
    async removeFileRecord(id: Types.ObjectId): Promise<void> {
      await Attachment.deleteOne({ _id: id });
    },
  };
}

export type AttachmentQueries = ReturnType<typeof createAttachmentQueries>;
