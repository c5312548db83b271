import { z } from 'zod';
import { singleLineSchema, webUrlSchema } from './text.js';
import { localeSchema, objectIdSchema } from './ids.js';
import { AGENT_ROLES, AGENT_STATUSES } from '../agents.js';

export const signInSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(256),
  })
  .strict();

export const agentStatusSetSchema = z.object({ status: z.enum(AGENT_STATUSES) }).strict();

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

/** POST /api/agents/:id/reset-password: the new password; every session of that agent ends. */
export const agentPasswordResetSchema = z
  .object({ password: z.string().min(10, 'at least 10 characters').max(256) })
  .strict();
