import { agentCreateSchema, agentPasswordResetSchema, agentUpdateSchema, objectIdSchema } from '@switchboard/shared';
import { Router } from 'express';
import type { AuditService } from '../audit/audit.service.js';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { AgentsService } from './agents.service.js';

/**
 * Agent administration: supervisors may list, only admins change anything.
 * Every change is audited (S4) with the fields it set, never a password;
 * `audit` is a getter because the audit feature is created after this one.
 */
export function agentsRoutes(agents: AgentsService, auth: RestAuth, audit: () => AuditService): Router {
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
      target: { kind: 'agent', id: agent.id },
      details,
    });
    res.status(201).json({ agent });
  });

  router.patch('/api/agents/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const changes = parseInput(agentUpdateSchema, req.body);
    const agent = await agents.update(id, changes);
    await audit().record({
      actor: currentAgent(res),
      action: changes.active === false ? 'agent.deactivate' : 'agent.update',
      target: { kind: 'agent', id },
      details: { email: agent.email, fields: Object.keys(changes), changes },
    });
    res.json({ agent });
  });

  router.post('/api/agents/:id/reset-password', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const { password } = parseInput(agentPasswordResetSchema, req.body);
    await agents.resetPassword(id, password);
    await audit().record({ actor: currentAgent(res), action: 'agent.reset-password', target: { kind: 'agent', id } });
    res.status(204).end();
  });

  return router;
}
