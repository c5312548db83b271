import type { z } from 'zod';
import type { typingSetSchema, receiptUpdateSchema } from './schemas/presence.js';

/** Typing indicators expire on their own after this long without a refresh. */
export const TYPING_TTL_MS = 6_000;

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

export type ReceiptUpdate = z.infer<typeof receiptUpdateSchema>;

export interface ReceiptUpdated {
  conversationId: string;
  /** Whose client delivered/read the messages. */
  side: 'customer' | 'agent';
  deliveredSeq: number;
  readSeq: number;
}
