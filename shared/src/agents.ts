import { z } from 'zod';
import { singleLineSchema, webUrlSchema } from './text.js';
import { localeSchema, objectIdSchema } from './ids.js';

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

export const signInSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(256),
  })
  .strict();
export type SignIn = z.infer<typeof signInSchema>;

export const agentStatusSetSchema = z.object({ status: z.enum(AGENT_STATUSES) }).strict();
export type AgentStatusSet = z.infer<typeof agentStatusSetSchema>;

export interface AgentStatusUpdated {
  agentId: string;
  status: AgentStatus;
}

/** An agent's photo, shown to customers: a web address (http or https) or an inline image, never a script URL. */
export const agentCreateSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(10, 'at least 10 characters').max(256),
    displayName: singleLineSchema(80),
    avatarUrl: webUrlSchema.optional(),
    role: z.enum(AGENT_ROLES).default('agent'),
    departmentIds: z.array(objectIdSchema).max(50).default([]),
    languages: z.array(localeSchema).max(10).default(['en']),
    /** Null: use the department default (see AgentView.capacity). */
    capacity: z.number().int().min(1).max(50).nullable().default(3),
  })
  .strict();
export type AgentCreate = z.infer<typeof agentCreateSchema>;

/** What an admin may change on an agent (PATCH /api/agents/:id); at least one field. `avatarUrl: null` removes it. */
export const agentUpdateSchema = z
  .object({
    displayName: singleLineSchema(80),
    avatarUrl: webUrlSchema.nullable(),
    role: z.enum(AGENT_ROLES),
    departmentIds: z.array(objectIdSchema).max(50),
    languages: z.array(localeSchema).max(10),
    capacity: z.number().int().min(1).max(50).nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'change at least one field');
export type AgentUpdate = z.infer<typeof agentUpdateSchema>;

/** POST /api/agents/:id/reset-password: the new password; every session of that agent ends. */
export const agentPasswordResetSchema = z
  .object({ password: z.string().min(10, 'at least 10 characters').max(256) })
  .strict();
export type AgentPasswordReset = z.infer<typeof agentPasswordResetSchema>;

/**
 * Answer of sign-in and `GET /api/auth/me`. The agent app sends `csrfToken`
 * as `X-CSRF-Token` on every state-changing REST call.
 */
export interface AgentSession {
  agent: AgentView;
  csrfToken: string;
}
