import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  AppError,
  ATTACHMENT_TYPES,
  attachmentTypeLabels,
  isAttachmentType,
  MAX_ATTACHMENT_NAME_LENGTH,
  type AttachmentPrepare,
  type AttachmentPrepared,
  type AttachmentRefusalReason,
  type AttachmentView,
} from '@switchboard/shared';
import { fileTypeFromFile } from 'file-type';
import { Types, type Connection } from 'mongoose';
import type { Viewer } from '../conversations/access.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { Logger } from '../infra/logger.js';
import type { RateLimit } from '../infra/rate-limit.js';
import { attachmentIdFor, toAttachmentRef } from './attachment-claims.js';
import type { AttachmentLinks, FileVariant } from './attachment-links.js';
import type { AttachmentPolicy, AttachmentSettingsStore } from './attachment-settings.js';
import { createAttachmentQueries } from './attachment-queries.js';
import { attachmentModel, type AttachmentDocument } from './attachment.model.js';
import type { ConversationQuota } from './conversation-quota.js';
import type { FileStore, StoredFile } from './file-store.js';
import { createGate } from './gate.js';
import { processImage } from './image-processing.js';
import { receiveToFile } from './receive-to-file.js';
import { uploaderOf } from './upload-cancel.js';
import { UPLOAD_TICKET_TTL_MS, type UploadTicket, type UploadTickets } from './upload-tickets.js';

/** Images decoded at once per process: each holds decoded pixels in memory while it runs. */
const IMAGES_AT_ONCE = 2;

const refusal = (policy: AttachmentPolicy, reason: AttachmentRefusalReason, message: string) => {
  const code =
    reason === 'type' ? 'UNSUPPORTED_MEDIA_TYPE' : reason === 'not-allowed' ? 'FORBIDDEN' : 'PAYLOAD_TOO_LARGE';
  return new AppError(code, message, { reason, maxBytes: policy.maxBytes, types: attachmentTypeLabels(policy.types) });
};

/** A name safe to show and to put in a header: no paths or control characters, not too long. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'file';
  if (printable.length <= MAX_ATTACHMENT_NAME_LENGTH) return printable;
  const dot = printable.lastIndexOf('.');
  const extension = dot > 0 && printable.length - dot <= 10 ? printable.slice(dot) : '';
  return printable.slice(0, MAX_ATTACHMENT_NAME_LENGTH - extension.length) + extension;
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;

/**
 * Files in conversations: `prepare` decides whether a file may be sent and
 * hands out a signed upload URL; `receive` streams the bytes to a temporary
 * file, decides the type from the bytes, re-encodes images and stores the
 * result; the message naming the file then goes through the normal message
 * path (attachment-claims.ts). Reading goes through signed links
 * (attachment-links.ts) handed only to those who may read the conversation.
 */
export function createAttachmentsService(deps: {
  mongo: Connection;
  store: FileStore;
  settings: AttachmentSettingsStore;
  links: AttachmentLinks;
  tickets: UploadTickets;
  quota: ConversationQuota;
  conversations: Pick<ConversationsService, 'get' | 'load'>;
  customerUploads: RateLimit;
  logger: Logger;
}) {
  const Attachment = attachmentModel(deps.mongo);
  const imageGate = createGate(IMAGES_AT_ONCE);
  const keyOf = (id: Types.ObjectId, attempt: string, variant: FileVariant) =>
    `${id.toHexString()}.${attempt}.${variant}`;
  const removeFiles = async (id: Types.ObjectId, attempt: string) => {
    for (const variant of ['original', 'thumbnail'] as const) await deps.store.remove(keyOf(id, attempt, variant));
  };

  /** Sniffs, checks and stores one received file; returns what the attachment document gets. */
  async function storeFile(
    file: { path: string; bytes: number },
    id: Types.ObjectId,
    attempt: string,
    policy: AttachmentPolicy,
  ): Promise<Partial<AttachmentDocument>> {
    const sniffed = (await fileTypeFromFile(file.path))?.mime;
    if (!sniffed || !isAttachmentType(sniffed) || !policy.types.includes(sniffed)) {
      throw refusal(policy, 'type', 'This type of file is not accepted.');
    }
    const original = keyOf(id, attempt, 'original');
    if (!ATTACHMENT_TYPES[sniffed].image) {
      const size = await deps.store.write(original, createReadStream(file.path), {
        contentType: sniffed,
        size: file.bytes,
      });
      return { contentType: sniffed, kind: 'file', size, files: { original } };
    }
    return imageGate.run(async () => {
      const image = await processImage(file.path, sniffed, policy.maxPixels, (reason, message) =>
        refusal(policy, reason, message),
      );
      const thumbnail = keyOf(id, attempt, 'thumbnail');
      // The re-encoded length is known only once encoded: the store takes it as it comes.
      const size = await deps.store.write(original, image.encoded(), { contentType: sniffed });
      await deps.store.write(thumbnail, Readable.from([image.thumbnail]), {
        contentType: 'image/webp',
        size: image.thumbnail.length,
      });
      return {
        contentType: sniffed,
        kind: 'image',
        size,
        width: image.width,
        height: image.height,
        files: { original, thumbnail },
      };
    });
  }

  return {
    model: Attachment,
    ...createAttachmentQueries(Attachment),

    async prepare(viewer: Viewer, payload: AttachmentPrepare): Promise<AttachmentPrepared> {
      if (payload.internal && viewer.kind !== 'agent') {
        throw new AppError('FORBIDDEN', 'Only agents attach files to internal notes.');
      }
      const conversation = await deps.conversations.get(payload.conversationId, viewer, 'write');
      if (conversation.status === 'closed') throw new AppError('CONVERSATION_CLOSED', 'This chat has ended.');
      const policy = await deps.settings.policy();
      const department = conversation.departmentId?.toHexString();
      if (viewer.kind === 'customer' && department && policy.customerUploadsOffIn.includes(department)) {
        throw refusal(policy, 'not-allowed', 'Files cannot be sent in this chat.');
      }
      if (payload.size > policy.maxBytes) throw refusal(policy, 'too-large', 'The file is larger than allowed.');
      const uploader = uploaderOf(viewer);
      if (viewer.kind === 'customer') await deps.customerUploads.consume(viewer.customer.id);
      const id = attachmentIdFor(payload.conversationId, uploader, payload.uploadId);
      const expires = Date.now() + UPLOAD_TICKET_TTL_MS;
      // Held while the upload may still begin, and as long again for one begun at the last moment
      // to finish; an upload never begun (cancelled while preparing, a closed tab) then frees it.
      const reserved = await deps.quota.reserve(payload.conversationId, id.toHexString(), payload.size, {
        limit: policy.conversationBytes,
        until: expires + UPLOAD_TICKET_TTL_MS,
      });
      if (!reserved) throw refusal(policy, 'conversation-full', 'This chat has no room for more files.');
      const ticket: UploadTicket = {
        conversationId: payload.conversationId,
        uploader,
        uploadId: payload.uploadId,
        name: cleanName(payload.name),
        size: payload.size,
        internal: payload.internal ?? false,
        expires,
      };
      return { uploadUrl: deps.tickets.url(ticket), expiresAt: new Date(expires).toISOString() };
    },

    /**
     * Receives the bytes of a prepared upload. A retry of an upload already
     * stored answers the stored file (the bytes sent again are read and
     * dropped): one copy however often the client retries.
     */
    async receive(ticket: UploadTicket, body: Readable, declaredLength: number | null): Promise<AttachmentView> {
      const policy = await deps.settings.policy();
      const limit = Math.min(ticket.size, policy.maxBytes);
      const tooLarge = () => refusal(policy, 'too-large', 'The file is larger than allowed or than announced.');
      if (declaredLength !== null && declaredLength > limit) throw tooLarge();
      const conversationId = new Types.ObjectId(ticket.conversationId);
      const id = attachmentIdFor(ticket.conversationId, ticket.uploader, ticket.uploadId);
      const stored = async () => (await Attachment.findById(id).lean()) as AttachmentDocument | null;
      const answerStored = async (rest: Readable): Promise<AttachmentView> => {
        rest.resume();
        const ready = await stored();
        if (ready?.status !== 'ready')
          throw new AppError('STORE_UNAVAILABLE', 'The file was not stored; send it again.');
        return deps.links.view(toAttachmentRef(ready));
      };
      const earlier = await stored();
      if (earlier?.status === 'ready') return answerStored(body);
      if (earlier?.status === 'removed') throw new AppError('NOT_FOUND', 'This file was removed.');
      if (await deps.quota.cancelled(ticket.conversationId, id.toHexString())) {
        throw new AppError('NOT_FOUND', 'This upload was cancelled: prepare it again.');
      }
      // A link given before the chat ended is still within its time, but nothing can be sent in
      // the chat any more: the file would only wait for the retention job, out of an erasure's reach.
      const conversation = await deps.conversations.load(conversationId);
      if (!conversation || conversation.status === 'closed') {
        throw new AppError('CONVERSATION_CLOSED', 'This chat has ended.');
      }
      const attempt = randomBytes(6).toString('hex');
      const started = await Attachment.updateOne(
        { _id: id, status: 'receiving' },
        {
          $set: { attempt },
          $setOnInsert: {
            conversationId,
            uploader: ticket.uploader,
            uploadId: ticket.uploadId,
            name: ticket.name,
            size: ticket.size,
            internal: ticket.internal,
            messageId: null,
          },
        },
        { upsert: true },
      ).then(
        () => true,
        async (error: unknown) => {
          // The upsert met the same _id in another state: another attempt finished meanwhile.
          if ((await stored())?.status !== 'ready') throw error;
          return false;
        },
      );
      if (!started) return answerStored(body);
      const fileId = id.toHexString();
      let finished = false;
      try {
        const received = await receiveToFile(body, limit, tooLarge);
        try {
          const fields = await storeFile(received, id, attempt, policy);
          const done = await Attachment.updateOne(
            { _id: id, attempt, status: 'receiving' },
            { $set: { ...fields, status: 'ready', readyAt: new Date() } },
          );
          if (done.modifiedCount === 0) {
            // Another attempt of this upload finished first: its copy is the one kept.
            await removeFiles(id, attempt);
          } else {
            await deps.quota.settle(ticket.conversationId, fileId, fields.size ?? ticket.size);
          }
          finished = true;
        } finally {
          await received.discard();
        }
      } catch (error) {
        // Refused, failed or cut off (the client cancelled, the connection dropped): nothing of this
        // attempt stays, not even its record, unless a newer attempt of the same upload took it over.
        await removeFiles(id, attempt)
          .then(() => Attachment.deleteOne({ _id: id, attempt, status: 'receiving' }))
          .catch((cause: unknown) =>
            deps.logger.warn({ err: cause, attachment: fileId }, 'could not delete a failed upload'),
          );
        throw error;
      } finally {
        if (!finished) {
          await deps.quota
            .release(ticket.conversationId, fileId)
            .catch((cause: unknown) => deps.logger.warn({ err: cause }, 'quota not released'));
        }
      }
      return answerStored(body);
    },

    /**
     * A stored file for the download route (after its link was checked); `version` names
     * these exact bytes (a key in the store is never reused), for ETag and If-Range.
     */
    async open(
      id: string,
      variant: FileVariant,
    ): Promise<StoredFile & { attachment: AttachmentDocument; contentType: string; version: string }> {
      const found = Types.ObjectId.isValid(id)
        ? ((await Attachment.findById(id).lean()) as AttachmentDocument | null)
        : null;
      if (found?.status === 'removed') {
        throw new AppError('NOT_FOUND', 'This file was removed.', { removed: true });
      }
      const key = found?.status === 'ready' ? found.files?.[variant] : null;
      const opened = key ? await deps.store.read(key) : null;
      if (!found || !key || !opened) throw new AppError('NOT_FOUND', 'No such file.');
      const contentType = variant === 'thumbnail' ? 'image/webp' : (found.contentType ?? 'application/octet-stream');
      return { attachment: found, size: opened.size, stream: opened.stream, contentType, version: key };
    },
  };
}
