import { z } from 'zod';
import { objectIdSchema } from './ids.js';

/** Longest satisfaction comment, in characters. */
export const MAX_RATING_COMMENT = 1000;

/**
 * W6: the customer rates a chat that has ended (1–5, with an optional
 * comment). Rating again replaces the earlier rating, so a retried request is
 * harmless and a customer may change their mind.
 */
export const conversationRateSchema = z
  .object({
    conversationId: objectIdSchema,
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(MAX_RATING_COMMENT).optional(),
  })
  .strict();
export type ConversationRate = z.infer<typeof conversationRateSchema>;

/** The rating as stored on the conversation. */
export interface ConversationRated {
  conversationId: string;
  rating: number;
  comment?: string;
  ratedAt: string;
}
