import { z } from 'zod';
import { singleLineSchema, webUrlSchema } from './text.js';
import { localeSchema, objectIdSchema } from './ids.js';
import { isTimeZone } from '../time-zone.js';
import { DISPOSITIONS } from '../conversations.js';

const shortText = singleLineSchema;

/** What the widget's pre-chat form (or the host page) tells us. */
export const prechatSchema = z
  .object({
    name: shortText(100).optional(),
    email: z.email().max(254).optional(),
    topic: shortText(100),
    language: localeSchema,
    region: shortText(64).optional(),
    pageUrl: webUrlSchema.optional(),
    userAgent: z.string().max(512).optional(),
    /** The customer's IANA time zone (the widget reads the browser's): emails show times in it. */
    timeZone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris').optional(),
  })
  .strict();

/**
 * Starts (or returns) the customer's live conversation. At most one live chat
 * per visitor: starting again while one is queued or active answers that one.
 */
export const conversationStartSchema = z.object({ prechat: prechatSchema }).strict();

export const agentConversationCloseSchema = z
  .object({ conversationId: objectIdSchema, disposition: z.enum(DISPOSITIONS).default('resolved') })
  .strict();

export const conversationRefSchema = z.object({ conversationId: objectIdSchema }).strict();
