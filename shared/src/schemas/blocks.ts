import { z } from 'zod';
import { singleLineSchema } from './text.js';
import { BLOCK_DURATIONS } from '../blocks.js';

/**
 * `POST /api/conversations/:id/block`: the agent of a chat (or a supervisor)
 * blocks its visitor — their visitor token, or their account when the host
 * identified them — and, when asked, the network address they are using now.
 */
export const visitorBlockSchema = z
  .object({
    /** Why: shown in the console and the audit log, never to the visitor. */
    reason: singleLineSchema(300),
    duration: z.enum(BLOCK_DURATIONS),
    /** Also the address they chat from (an office or a mobile network may share it: use with care). */
    address: z.boolean().default(false),
  })
  .strict();
