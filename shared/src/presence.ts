import { z } from 'zod';
import { objectIdSchema } from './ids.js';

/** Typing indicators expire on their own after this long without a refresh. */
export const TYPING_TTL_MS = 6_000;

export const typingSetSchema = z.object({ conversationId: objectIdSchema, typing: z.boolean() }).strict();
export type TypingSet = z.infer<typeof typingSetSchema>;

export interface TypingUpdated {
  conversationId: string;
  side: 'customer' | 'agent';
  /** Display name of who types (the agent's, for the customer). */
  displayName?: string;
  typing: boolean;
  /** Clients hide the indicator after this many ms unless refreshed. */
  ttlMs: number;
}

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
export type ReceiptUpdate = z.infer<typeof receiptUpdateSchema>;

export interface ReceiptUpdated {
  conversationId: string;
  /** Whose client delivered/read the messages. */
  side: 'customer' | 'agent';
  deliveredSeq: number;
  readSeq: number;
}
