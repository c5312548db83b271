import {
  agentCreateSchema,
  agentPasswordResetSchema,
  agentUpdateSchema,
  objectIdSchema,
} from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { AuditService } from '../audit/audit.service.js';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import type { SignInLimiter } from '../auth/sign-in-limiter.js';
import { diffOf } from '../audit/diff.js';
import { parseInput } from '../infra/validation.js';
import type { AgentsService } from './agents.service.js';

/**
 * Agent administration: supervisors may list, only admins change anything.
 * Every change is audited with the fields it set, never a password;
 * `audit` is a getter because the audit feature is created after this one.
 */
export function agentsRoutes(
  agents: AgentsService,
  auth: RestAuth,
  audit: () => AuditService,
  signIn: Pick<SignInLimiter, 'unlockAccount'>,
): Router {
  const router = Router();
  const { authenticate } = auth;
  const admin = [authenticate, auth.requireRole('admin')];

  router.get('/api/agents', authenticate, auth.requireRole('supervisor', 'admin'), async (_req, res) => {
    res.json({ agents: await agents.list() });
  });

  router.post('/api/agents', ...admin, async (req, res) => {
    const input = parseInput(agentCreateSchema, req.body);
    const agent = await agents.create(input);
    const { password: _secret, ...details } = input;
    await audit().record({
      actor: currentAgent(res),
      action: 'agent.create',
      target: { kind: 'agent', id: agent.id, name: agent.displayName },
      details,
    });
    res.status(201).json({ agent });
  });

  router.patch('/api/agents/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const changes = parseInput(agentUpdateSchema, req.body);
    const before = await agents.getView(id);
    const agent = await agents.update(id, changes);
    await audit().record({
      actor: currentAgent(res),
      action: changes.active === false ? 'agent.deactivate' : 'agent.update',
      target: { kind: 'agent', id, name: agent.displayName },
      details: {
        email: agent.email,
        fields: Object.keys(changes),
        diff: diffOf(before as Record<string, unknown> | null, changes),
      },
    });
    res.json({ agent });
  });

  router.post('/api/agents/:id/reset-password', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const { password } = parseInput(agentPasswordResetSchema, req.body);
    await agents.resetPassword(id, password);
    // The way back for an agent whose account limit an attacker spent from unknown addresses.
    const agent = await agents.getById(id);
    if (agent?.email) await signIn.unlockAccount(agent.email);
    await audit().record({
      actor: currentAgent(res),
      action: 'agent.reset-password',
      target: { kind: 'agent', id, ...(agent ? { name: agent.displayName } : {}) },
    });
    res.status(204).end();
  });

  return router;
}
