import { z } from 'zod';
import { clientMessageIdSchema, objectIdSchema } from './ids.js';
import { type AttachmentType, ATTACHMENT_TYPE_NAMES, MAX_ATTACHMENT_BYTES_CEILING } from '../attachments.js';

export const attachmentTypeSchema = z.enum(ATTACHMENT_TYPE_NAMES as [AttachmentType, ...AttachmentType[]]);

/** Ask to upload one file to a conversation; the answer says where to PUT its bytes. */
export const attachmentPrepareSchema = z
  .object({
    conversationId: objectIdSchema,
    /** The client's id for this file, reused when an upload is retried: one stored copy however often. */
    uploadId: clientMessageIdSchema,
    name: z.string().min(1).max(1000),
    /** Bytes the client will send; more are refused. */
    size: z.number().int().min(1),
    /** Agents only: a file for an internal note, never shown to the customer. */
    internal: z.boolean().optional(),
  })
  .strict();

/**
 * Give up a prepared upload: its room in the chat comes back at once, its upload link stops
 * working, and a file already uploaded but not yet in a message is deleted.
 */
export const attachmentCancelSchema = z
  .object({
    conversationId: objectIdSchema,
    /** The uploadId the upload was prepared with. */
    uploadId: clientMessageIdSchema,
  })
  .strict();

/** What admins decide about files (`GET`/`PUT /api/admin/attachment-settings`). */
export const attachmentSettingsSchema = z
  .object({
    maxBytes: z.number().int().min(1024).max(MAX_ATTACHMENT_BYTES_CEILING),
    types: z.array(attachmentTypeSchema).max(ATTACHMENT_TYPE_NAMES.length),
    retentionDays: z.number().int().min(1).max(3650),
    /** Departments whose customers may not send files (agents still may). */
    customerUploadsOffIn: z.array(objectIdSchema).max(500),
  })
  .strict();

/** `GET /api/public/file-rules?department=<id>`: what the widget needs to offer files or not. */
export const fileRulesQuerySchema = z.object({ department: objectIdSchema.optional() }).strict();
