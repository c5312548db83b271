import type { Connection } from 'mongoose';
import type { Logger } from '../infra/logger.js';
import { messageModel } from '../messages/message.model.js';
import type { AttachmentSettingsStore } from './attachment-settings.js';
import { attachmentModel, type AttachmentDocument } from './attachment.model.js';
import type { FileStore } from './file-store.js';

/** Files handled per run; a backlog is worked through over the next runs. */
const BATCH = 200;
/** An upload still "receiving" this long after it began was abandoned (its process died). */
const ABANDONED_AFTER_MS = 24 * 3_600_000;

/**
 * Deletes files past retention: their bytes go, the attachment document stays
 * as "removed", and the message that carried the file says so (clients show
 * "file removed" in its place). Also deletes the bytes of uploads abandoned
 * half-way. Every step is idempotent, so a run cut short is finished by the next.
 */
export function createAttachmentRetention(deps: {
  mongo: Connection;
  store: FileStore;
  settings: AttachmentSettingsStore;
  logger: Logger;
}) {
  const Attachment = attachmentModel(deps.mongo);
  const Message = messageModel(deps.mongo);
  const storedKeys = (found: AttachmentDocument) =>
    [found.files?.original, found.files?.thumbnail].filter((key): key is string => Boolean(key));
  const attemptKeys = (found: AttachmentDocument) =>
    ['original', 'thumbnail'].map((variant) => `${found._id.toHexString()}.${found.attempt}.${variant}`);

  async function remove(found: AttachmentDocument, now: Date): Promise<void> {
    for (const key of storedKeys(found)) await deps.store.remove(key);
    await Attachment.updateOne(
      { _id: found._id },
      { $set: { status: 'removed', removedAt: now }, $unset: { files: 1 } },
    );
    const { messageId } = found;
    if (messageId) await Message.updateOne({ _id: messageId }, { $set: { 'attachment.removed': true } });
  }

  return {
    /** One pass; returns how many files were removed. */
    async run(now = new Date()): Promise<number> {
      const policy = await deps.settings.policy();
      const expired = (await Attachment.find({
        status: 'ready',
        createdAt: { $lt: new Date(now.getTime() - policy.retentionMs) },
      })
        .limit(BATCH)
        .lean()) as AttachmentDocument[];
      for (const found of expired) await remove(found, now);
      const abandoned = (await Attachment.find({
        status: 'receiving',
        createdAt: { $lt: new Date(now.getTime() - ABANDONED_AFTER_MS) },
      })
        .limit(BATCH)
        .lean()) as AttachmentDocument[];
      for (const found of abandoned) {
        for (const key of attemptKeys(found)) await deps.store.remove(key);
        await Attachment.deleteOne({ _id: found._id, status: 'receiving' });
      }
      if (expired.length > 0 || abandoned.length > 0) {
        deps.logger.info({ removed: expired.length, abandoned: abandoned.length }, 'attachment retention');
      }
      return expired.length;
    },
  };
}

export type AttachmentRetention = ReturnType<typeof createAttachmentRetention>;
