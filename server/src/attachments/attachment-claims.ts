import { createHash } from 'node:crypto';
import { AppError, type MessageAuthor } from '@switchboard/shared';
import { Types, type Connection } from 'mongoose';
import type { AttachmentRef } from './attachment-links.js';
import { attachmentModel, type AttachmentDocument } from './attachment.model.js';

/**
 * An upload's id, derived from its conversation, uploader and the client's
 * uploadId: a retried upload lands on the same document (one stored copy),
 * and the id is found by `_id`, the look-up every MongoDB-wire server indexes.
 */
export function attachmentIdFor(
  conversationId: string,
  uploader: { kind: string; id: string },
  uploadId: string,
): Types.ObjectId {
  const digest = createHash('sha256')
    .update(['attachment', conversationId, uploader.kind, uploader.id, uploadId].join('\0'))
    .digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}

export function toAttachmentRef(found: AttachmentDocument): AttachmentRef {
  return {
    id: found._id,
    name: found.name,
    size: found.size,
    contentType: found.contentType ?? 'application/pdf',
    kind: found.kind ?? 'file',
    ...(found.width ? { width: found.width } : {}),
    ...(found.height ? { height: found.height } : {}),
  };
}

/**
 * The message path's side of attachments: a send naming a file claims it for
 * that message in one conditional write (only for sends that carry a file;
 * plain text never comes here). The claim checks what the upload ticket
 * promised: the same conversation, the same sender, a finished upload, a
 * note's file only in a note. A retried send (same message id) claims again
 * harmlessly; another message cannot take a file already sent.
 */
export function createAttachmentClaims(connection: Connection) {
  const Attachment = attachmentModel(connection);
  return {
    async claim(input: {
      attachmentId: string;
      conversationId: Types.ObjectId;
      author: MessageAuthor;
      messageId: Types.ObjectId;
      internal: boolean;
    }): Promise<AttachmentRef> {
      const claimable: Record<string, unknown> = {
        _id: new Types.ObjectId(input.attachmentId),
        conversationId: input.conversationId,
        'uploader.kind': input.author.kind,
        'uploader.id': input.author.id,
        status: 'ready',
        messageId: { $in: [null, input.messageId] },
        ...(input.internal ? {} : { internal: false }),
      };
      const found = (await Attachment.findOneAndUpdate(
        claimable,
        { $set: { messageId: input.messageId } },
        { returnDocument: 'after' },
      ).lean()) as AttachmentDocument | null;
      if (!found) throw new AppError('NOT_FOUND', 'No such file: upload it to this conversation first.');
      return toAttachmentRef(found);
    },

    /** Gives the file back when the message naming it could not be stored. */
    async release(attachmentId: string, messageId: Types.ObjectId): Promise<void> {
      await Attachment.updateOne({ _id: new Types.ObjectId(attachmentId), messageId }, { $set: { messageId: null } });
    },
  };
}

export type AttachmentClaims = ReturnType<typeof createAttachmentClaims>;
