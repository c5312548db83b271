import { z } from 'zod';
import { DISPOSITIONS } from '../conversations.js';
import { objectIdSchema } from './ids.js';

/** `supervisor.live.list`: live chats of one agent, one department (`general`: no department), or all. */
export const liveListSchema = z
  .object({
    agentId: objectIdSchema.optional(),
    departmentId: z.union([objectIdSchema, z.literal('general')]).optional(),
  })
  .strict();

/** Reassign: hand a chat to a chosen agent (who must be online with a free slot, as in routing). */
export const supervisorReassignSchema = z.object({ conversationId: objectIdSchema, agentId: objectIdSchema }).strict();

/** End a chat for the customer; the transcript email follows where the deployment sends them. */
export const supervisorCloseSchema = z
  .object({ conversationId: objectIdSchema, disposition: z.enum(DISPOSITIONS).default('no-response') })
  .strict();
