import { z } from 'zod';
import { objectIdSchema } from './ids.js';

/** `GET /api/audit` filters; `before` pages back from an entry id. */
export const auditQuerySchema = z.strictObject({
  actorId: objectIdSchema.optional(),
  action: z
    .string()
    .regex(/^[a-z-]+(\.[a-z-]+)*$/)
    .max(60)
    .optional(),
  targetId: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: objectIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
