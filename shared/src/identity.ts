import type { z } from 'zod';
import type { customerIdentitySchema } from './schemas/identity.js';

export type CustomerIdentity = z.infer<typeof customerIdentitySchema>;
