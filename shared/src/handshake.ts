import type { z } from 'zod';
import type { handshakeAuthSchema, customerHandshakeSchema } from './schemas/handshake.js';

export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;
export type CustomerHandshake = z.infer<typeof customerHandshakeSchema>;

/** Socket.IO namespaces, one per kind of client. */
export const NAMESPACES = {
  customer: '/customer',
  agent: '/agent',
} as const;

export type NamespaceName = keyof typeof NAMESPACES;
