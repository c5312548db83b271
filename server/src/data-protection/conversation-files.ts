import type { ExportedFile } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { AttachmentQueries } from '../attachments/attachment-queries.js';
import type { AttachmentDocument } from '../attachments/attachment.model.js';
import type { FileStore } from '../attachments/file-store.js';

/** A signed link to a file's bytes, and until when it works. */
export type ExportLink = (fileId: Types.ObjectId) => { url: string; expiresAt: string };

/**
 * The files of a customer's conversations, for data protection: listed in an
 * export with a link to each one's bytes, and deleted with their
 * conversation's content when the customer is erased or retention clears it.
 */
export function createConversationFiles(deps: {
  attachments: Pick<AttachmentQueries, 'filesOfConversations' | 'filesOfConversation' | 'removeFileRecord'>;
  store: FileStore;
  link: ExportLink;
}) {
  /**
   * Every key a file may have in the store: those its record names, and the
   * keys of its last upload attempt, which an upload still under way writes
   * to (the attachments feature names them `<id>.<attempt>.<variant>`).
   */
  const keysOf = (found: AttachmentDocument) => {
    const id = found._id.toHexString();
    const attemptKeys = ['original', 'thumbnail'].map((variant) => `${id}.${found.attempt}.${variant}`);
    return [...new Set([found.files?.original, found.files?.thumbnail, ...attemptKeys])].filter((key): key is string =>
      Boolean(key),
    );
  };

  function exported(found: AttachmentDocument, caseNumber: string | undefined): ExportedFile {
    return {
      id: found._id.toHexString(),
      name: found.name,
      ...(found.contentType ? { contentType: found.contentType } : {}),
      ...(found.kind ? { kind: found.kind } : {}),
      size: found.size,
      ...(found.width ? { width: found.width } : {}),
      ...(found.height ? { height: found.height } : {}),
      conversationId: found.conversationId.toHexString(),
      ...(caseNumber ? { caseNumber } : {}),
      messageId: found.messageId ? found.messageId.toHexString() : null,
      // Required by the schema; the type cannot say so of a nested object.
      sentBy: found.uploader?.kind === 'agent' ? 'agent' : 'customer',
      internal: found.internal,
      createdAt: found.createdAt.toISOString(),
      status: found.status,
      ...(found.removedAt ? { removedAt: found.removedAt.toISOString() } : {}),
      // Only stored bytes get a link: a removed file's would answer "not found".
      ...(found.status === 'ready' ? { download: deps.link(found._id) } : {}),
    };
  }

  return {
    /** The files of these conversations, oldest first. */
    async list(conversations: { _id: Types.ObjectId; caseNumber?: string | null }[]): Promise<ExportedFile[]> {
      if (conversations.length === 0) return [];
      const caseNumbers = new Map(conversations.map((each) => [each._id.toHexString(), each.caseNumber ?? undefined]));
      const found = await deps.attachments.filesOfConversations(conversations.map((each) => each._id));
      return found.map((each) => exported(each, caseNumbers.get(each.conversationId.toHexString())));
    },

    /**
     * Deletes every file of a conversation, bytes first and then the record,
     * so a run cut short is finished by the next. An upload that finishes
     * afterwards finds no record to complete and deletes its own bytes.
     */
    async removeAll(conversationId: Types.ObjectId): Promise<number> {
      const found = await deps.attachments.filesOfConversation(conversationId);
      for (const file of found) {
        for (const key of keysOf(file)) await deps.store.remove(key);
        await deps.attachments.removeFileRecord(file._id);
      }
      return found.length;
    },
  };
}

export type ConversationFiles = ReturnType<typeof createConversationFiles>;
