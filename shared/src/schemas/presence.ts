import { z } from 'zod';
import { objectIdSchema } from './ids.js';

export const typingSetSchema = z.object({ conversationId: objectIdSchema, typing: z.boolean() }).strict();

/**
 * Receipts are two monotonic numbers per side and conversation, not a write
 * per message: every message with `seq <= readSeq` has been read by that side.
 */
export const receiptUpdateSchema = z
  .object({
    conversationId: objectIdSchema,
    deliveredSeq: z.number().int().min(0).optional(),
    readSeq: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((value) => value.deliveredSeq !== undefined || value.readSeq !== undefined, 'give deliveredSeq or readSeq');
