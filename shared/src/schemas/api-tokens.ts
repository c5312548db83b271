import { z } from 'zod';
import { singleLineSchema } from './text.js';
import { API_TOKEN_SCOPES } from '../api-tokens.js';

/** `POST /api/api-tokens`: a named token with scopes, expiring after `expiresInDays`. */
export const apiTokenCreateSchema = z
  .object({
    name: singleLineSchema(100),
    scopes: z
      .array(z.enum(API_TOKEN_SCOPES))
      .min(1)
      .max(API_TOKEN_SCOPES.length)
      .transform((scopes) => [...new Set(scopes)]),
    expiresInDays: z.number().int().min(1).max(366).default(90),
  })
  .strict();
