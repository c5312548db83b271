import { z } from 'zod';
import { singleLineSchema } from './text.js';

/**
 * A host site that knows its user signs the user id: `userHash =
 * hex(HMAC-SHA256(identitySecret, userId))`, computed on the host's server.
 * A valid hash marks the customer verified and links their history; an
 * invalid one is refused with IDENTITY_INVALID. The hash covers the
 * userId only: `email` and `name` are unsigned hints, stored as contact
 * details and shown to agents as not verified.
 */
export const customerIdentitySchema = z
  .object({
    userId: z.string().min(1).max(128),
    email: z.email().max(254).optional(),
    name: singleLineSchema(100).optional(),
    userHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex characters'),
  })
  .strict();

/** Visitor tokens are 32 random bytes, base64url: 43 characters. */
export const visitorTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a visitor token');
