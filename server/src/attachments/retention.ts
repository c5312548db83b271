import type { Connection } from 'mongoose';
import type { Logger } from '../infra/logger.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { AttachmentSettingsStore } from './attachment-settings.js';
import { attachmentModel, type AttachmentDocument } from './attachment.model.js';
import type { ConversationQuota } from './conversation-quota.js';
import type { FileStore } from './file-store.js';

/** Files handled per run; a backlog is worked through over the next runs. */
const BATCH = 200;
/** An upload still "receiving" this long after it began was abandoned (its process died). */
const ABANDONED_AFTER_MS = 24 * 3_600_000;

/**
 * Deletes files past retention: their bytes go, the attachment document stays
 * as "removed", and the message that carried the file says so (clients show
 * "file removed" in its place). Also deletes files uploaded and never sent
 * once they are old enough (giving their room in the conversation back), and
 * the bytes of uploads abandoned half-way. Every step is idempotent, so a run
 * cut short is finished by the next.
 */
export function createAttachmentRetention(deps: {
  mongo: Connection;
  messages: Pick<MessagesService, 'markAttachmentRemoved'>;
  store: FileStore;
  settings: AttachmentSettingsStore;
  quota: ConversationQuota;
  logger: Logger;
}) {
  const Attachment = attachmentModel(deps.mongo);
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
    if (messageId) await deps.messages.markAttachmentRemoved(messageId);
  }

  /**
   * Files no message took. The first step makes the file unclaimable (a send naming it now
   * is refused), so no message ever points at deleted bytes; a file still holding its bytes
   * after that step (a run cut short) is picked up again by the next run.
   */
  async function removeUnsent(cutoff: Date, now: Date): Promise<number> {
    const unsent = (await Attachment.find({
      status: { $in: ['ready', 'removed'] },
      createdAt: { $lt: cutoff },
      messageId: null,
      'files.original': { $exists: true },
    })
      .limit(BATCH)
      .lean()) as AttachmentDocument[];
    for (const found of unsent) {
      if (found.status === 'ready') {
        const taken = await Attachment.updateOne(
          { _id: found._id, status: 'ready', messageId: null },
          { $set: { status: 'removed', removedAt: now } },
        );
        if (taken.modifiedCount === 0) continue; // sent meanwhile
      }
      for (const key of storedKeys(found)) await deps.store.remove(key);
      await Attachment.updateOne({ _id: found._id }, { $unset: { files: 1 } });
      await deps.quota.release(found.conversationId.toHexString(), found._id.toHexString());
    }
    return unsent.length;
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
      const unsent = await removeUnsent(new Date(now.getTime() - policy.unsentMs), now);
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
      if (expired.length > 0 || unsent > 0 || abandoned.length > 0) {
        deps.logger.info({ removed: expired.length, unsent, abandoned: abandoned.length }, 'attachment retention');
      }
      return expired.length;
    },
  };
}

export type AttachmentRetention = ReturnType<typeof createAttachmentRetention>;
