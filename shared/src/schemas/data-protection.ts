import { z } from 'zod';

/** `GET /api/data-protection/customers?email=`: the customers who gave this address (as a profile or in a chat). */
export const customerLookupQuerySchema = z.strictObject({ email: z.email().max(254) });

/** `POST /api/data-protection/retention/run`: `dryRun` counts without changing anything. */
export const retentionRunSchema = z.strictObject({ dryRun: z.boolean().default(false) });
