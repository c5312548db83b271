import type { z } from 'zod';
import type {
  signInSchema,
  agentStatusSetSchema,
  agentCreateSchema,
  agentUpdateSchema,
  agentPasswordResetSchema,
} from './schemas/agents.js';

export const AGENT_ROLES = ['agent', 'supervisor', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** An agent account as the agent app sees it (never the password hash). */
export interface AgentView {
  id: string;
  email: string;
  displayName: string;
  avatarUrl?: string;
  role: AgentRole;
  status: AgentStatus;
  departmentIds: string[];
  languages: string[];
  /**
   * Most chats handled at once; routing never assigns beyond it. Null: none
   * of their own — the smallest default capacity of their departments, else 3.
   */
  capacity: number | null;
  active: boolean;
}

export type SignIn = z.infer<typeof signInSchema>;
export type AgentStatusSet = z.infer<typeof agentStatusSetSchema>;

export interface AgentStatusUpdated {
  agentId: string;
  status: AgentStatus;
}

export type AgentCreate = z.infer<typeof agentCreateSchema>;
export type AgentUpdate = z.infer<typeof agentUpdateSchema>;
export type AgentPasswordReset = z.infer<typeof agentPasswordResetSchema>;

/**
 * Answer of sign-in and `GET /api/auth/me`. The agent app sends `csrfToken`
 * as `X-CSRF-Token` on every state-changing REST call.
 */
export interface AgentSession {
  agent: AgentView;
  csrfToken: string;
}
