import type { z } from 'zod';
import type { conversationRateSchema } from './schemas/feedback.js';

/** Longest satisfaction comment, in characters. */
export const MAX_RATING_COMMENT = 1000;

export type ConversationRate = z.infer<typeof conversationRateSchema>;

/** The rating as stored on the conversation. */
export interface ConversationRated {
  conversationId: string;
  rating: number;
  comment?: string;
  ratedAt: string;
}
