import type { z } from 'zod';
import type { apiTokenCreateSchema } from './schemas/api-tokens.js';

/**
 * What a server-to-server API token may do. Each REST route open to tokens
 * names the one scope it needs (server/src/api-tokens/route-scopes.ts); a
 * token never opens a socket, the console, or a route without a scope.
 */
export const API_TOKEN_SCOPES = [
  'conversations:read',
  'reports:read',
  'agents:read',
  'agents:manage',
  'departments:read',
  'audit:read',
  'webhooks:manage',
  'customers:export',
  'customers:erase',
] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

/** A token as admins see it: never the token itself (shown once, stored only as a hash). */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The start of the token, so people can tell theirs apart (`sbt_1a2b3c…`). */
  prefix: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  createdBy: { id: string; name: string };
  expiresAt: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

/** The create answer: the token, shown this once. */
export interface ApiTokenCreated {
  token: ApiTokenView;
  secret: string;
}
