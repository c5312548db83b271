import { z } from 'zod';
import { hasVisibleText } from '../text.js';
import { clientMessageIdSchema, objectIdSchema } from './ids.js';
import { MAX_MESSAGE_BYTES, utf8Length, SYNC_MAX_CURSORS } from '../messages.js';

const bodySchema = z.string().refine((body) => utf8Length(body) <= MAX_MESSAGE_BYTES, {
  message: `must be at most ${MAX_MESSAGE_BYTES} bytes`,
  params: { appCode: 'PAYLOAD_TOO_LARGE' },
});

export const messageSendSchema = z
  .object({
    conversationId: objectIdSchema,
    clientMessageId: clientMessageIdSchema,
    /** The text; may be empty when the message carries a file (then it is the file's caption). */
    body: bodySchema,
    /** Agents only: an internal note. A customer sending `true` is refused. */
    internal: z.boolean().optional(),
    /** A file this sender uploaded to this conversation (`attachment.prepare`, then the upload). */
    attachmentId: objectIdSchema.optional(),
  })
  .strict()
  .refine((send) => send.attachmentId !== undefined || hasVisibleText(send.body), {
    message: 'must not be empty (nor only invisible characters)',
    path: ['body'],
  });

/** Messages after a seq, for catch-up on every (re)connect. */
export const conversationSyncSchema = z
  .object({
    cursors: z
      .array(z.object({ conversationId: objectIdSchema, afterSeq: z.number().int().min(0) }).strict())
      .max(SYNC_MAX_CURSORS),
  })
  .strict();

/** Older messages, for scrolling back. */
export const messageHistorySchema = z
  .object({
    conversationId: objectIdSchema,
    /** Messages with a smaller seq; omit for the newest page. */
    beforeSeq: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
