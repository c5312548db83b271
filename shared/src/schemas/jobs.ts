import { z } from 'zod';
import { clientMessageIdSchema, objectIdSchema } from './ids.js';

/**
 * The customer asks for their transcript by email. `email` overrides the
 * pre-chat address for this one transcript only; `requestId` (reused on
 * retries, like a clientMessageId) makes a retried request send one email.
 */
export const transcriptRequestSchema = z
  .object({
    conversationId: objectIdSchema,
    email: z.email().max(254).optional(),
    requestId: clientMessageIdSchema.optional(),
  })
  .strict();
