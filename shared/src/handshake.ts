import { z } from 'zod';
import { customerIdentitySchema, visitorTokenSchema } from './identity.js';

/** Socket.IO `auth` payload every client sends when connecting. */
export const handshakeAuthSchema = z.object({
  protocolVersion: z.number().int().positive(),
});

export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/**
 * The widget's handshake: a stored visitor token resumes that visitor; an
 * identity signed by the host site resumes (or creates) a verified customer.
 * Agents authenticate with their session cookie instead.
 */
export const customerHandshakeSchema = handshakeAuthSchema.extend({
  visitorToken: visitorTokenSchema.optional(),
  identity: customerIdentitySchema.optional(),
});
export type CustomerHandshake = z.infer<typeof customerHandshakeSchema>;

/** Socket.IO namespaces, one per kind of client. */
export const NAMESPACES = {
  customer: '/customer',
  agent: '/agent',
} as const;

export type NamespaceName = keyof typeof NAMESPACES;
