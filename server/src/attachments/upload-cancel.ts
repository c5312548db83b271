import { AppError, type AttachmentCancel } from '@switchboard/shared';
import type { Connection } from 'mongoose';
import type { Viewer } from '../conversations/access.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { Logger } from '../infra/logger.js';
import { attachmentIdFor } from './attachment-claims.js';
import { attachmentModel, type AttachmentDocument } from './attachment.model.js';
import type { ConversationQuota } from './conversation-quota.js';
import type { FileStore } from './file-store.js';
import { UPLOAD_TICKET_TTL_MS } from './upload-tickets.js';

/** The uploader an upload's id is derived from: only one's own uploads can be named. */
export const uploaderOf = (viewer: Viewer) =>
  viewer.kind === 'customer'
    ? { kind: 'customer' as const, id: viewer.customer.id }
    : { kind: 'agent' as const, id: viewer.agent.id };

/**
 * `attachment.cancel`: the composer's cancel (or a file removed before it was
 * sent). Without it, the bytes reserved at prepare stay counted against the
 * chat until the upload link has expired, and a file uploaded and never sent
 * until the retention job's sweep of unsent files.
 *
 * The upload named is the caller's own (its id is derived from the sender),
 * so nobody can cancel another person's upload; a conversation the caller
 * may not write in is NOT_FOUND (FORBIDDEN for an agent not assigned to it),
 * as for `attachment.prepare`; a customer's own closed chat is fine.
 */
export function createUploadCancel(deps: {
  mongo: Connection;
  store: FileStore;
  quota: ConversationQuota;
  conversations: Pick<ConversationsService, 'get'>;
  logger: Logger;
}) {
  const Attachment = attachmentModel(deps.mongo);

  return async function cancel(viewer: Viewer, payload: AttachmentCancel): Promise<null> {
    await deps.conversations.get(payload.conversationId, viewer, 'write');
    const id = attachmentIdFor(payload.conversationId, uploaderOf(viewer), payload.uploadId);
    const fileId = id.toHexString();
    // First the record, in one conditional write: a send naming the file now finds nothing to
    // claim, and an upload still under way finds its record gone from "receiving" and deletes
    // what it wrote. A file already in a message is no longer an upload: nothing is cancelled.
    const before = (await Attachment.findOneAndUpdate(
      { _id: id, status: { $in: ['receiving', 'ready'] }, messageId: null },
      { $set: { status: 'removed', removedAt: new Date() } },
      { returnDocument: 'before' },
    ).lean()) as AttachmentDocument | null;
    if (!before && (await Attachment.exists({ _id: id, messageId: { $ne: null } }))) {
      throw new AppError('CONFLICT', 'This file is already in a message.');
    }
    // Then the room, which also keeps the upload link from storing anything later.
    await deps.quota.cancel(payload.conversationId, fileId, Date.now() + UPLOAD_TICKET_TTL_MS);
    const keys = [before?.files?.original, before?.files?.thumbnail].filter((key): key is string => Boolean(key));
    if (keys.length > 0) {
      // Left to the retention job's sweep of unsent files if the store fails now (the record says removed).
      for (const key of keys) await deps.store.remove(key);
      await Attachment.updateOne({ _id: id }, { $unset: { files: 1 } });
    }
    deps.logger.debug({ attachment: fileId, was: before?.status ?? 'not begun' }, 'upload cancelled');
    return null;
  };
}

export type UploadCancel = ReturnType<typeof createUploadCancel>;
