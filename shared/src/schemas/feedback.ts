import { z } from 'zod';
import { objectIdSchema } from './ids.js';
import { MAX_RATING_COMMENT } from '../feedback.js';

/**
 * The customer rates a chat that has ended (1–5, with an optional
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
