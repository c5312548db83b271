import { z } from 'zod';
import { customerIdentitySchema, visitorTokenSchema } from './identity.js';

/** Socket.IO `auth` payload every client sends when connecting. */
export const handshakeAuthSchema = z.object({
  protocolVersion: z.number().int().positive(),
});

/**
 * The widget's handshake: a stored visitor token resumes that visitor; an
 * identity signed by the host site resumes (or creates) a verified customer.
 * Agents authenticate with their session cookie instead.
 */
export const customerHandshakeSchema = handshakeAuthSchema.extend({
  visitorToken: visitorTokenSchema.optional(),
  identity: customerIdentitySchema.optional(),
});
