import { AppError, type AgentRole } from '@switchboard/shared';
import type { AgentSocket } from '../infra/namespaces.js';

/**
 * Who is on the other end of an agent socket (`socket.data.agent`) or an
 * authenticated REST request (`res.locals.agent`). Taken from the database at
 * handshake; admin changes to these fields are pushed into live sockets.
 */
export interface AgentPrincipal {
  id: string;
  role: AgentRole;
  displayName: string;
  avatarUrl?: string;
  departmentIds: string[];
  languages: string[];
  /** Null: their departments' default applies (routing). */
  capacity: number | null;
  /** Set when a server-to-server API token makes the request (never on a socket). */
  apiTokenId?: string;
}

/** What the agents feature keeps in `socket.data` on the `/agent` namespace. */
export interface AgentSocketData {
  agent?: AgentPrincipal;
  /** Hash of the session id (never the id): room `session:<key>` and periodic re-checks. */
  sessionKey?: string;
}

export const agentRoom = (agentId: string): string => `agent:${agentId}`;
export const sessionRoom = (sessionKey: string): string => `session:${sessionKey}`;
export const SUPERVISORS_ROOM = 'supervisors';

/** The signed-in agent of a socket; throws UNAUTHENTICATED on a socket without one. */
export function requireAgent(socket: AgentSocket): AgentPrincipal {
  const agent = socket.data.agent;
  if (!agent) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return agent;
}

/** Throws FORBIDDEN unless the principal has one of the roles. */
export function requireRole(principal: AgentPrincipal, ...roles: AgentRole[]): AgentPrincipal {
  if (!roles.includes(principal.role)) throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  return principal;
}

export function isSupervisorRole(role: AgentRole): boolean {
  return role === 'supervisor' || role === 'admin';
}
