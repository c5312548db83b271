import { z } from 'zod';

export const systemPingSchema = z.object({ sentAt: z.number().int().nonnegative() }).strict();
