import { agentCreateSchema, agentPasswordResetSchema, agentUpdateSchema, objectIdSchema } from '@switchboard/shared';
import { Router } from 'express';
import type { RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { AgentsService } from './agents.service.js';

/** Agent administration: supervisors may list, only admins change anything. */
export function agentsRoutes(agents: AgentsService, auth: RestAuth): Router {
  const router = Router();
  const { authenticate } = auth;
  const admin = [authenticate, auth.requireRole('admin')];

  router.get('/api/agents', authenticate, auth.requireRole('supervisor', 'admin'), async (_req, res) => {
    res.json({ agents: await agents.list() });
  });

  router.post('/api/agents', ...admin, async (req, res) => {
    const input = parseInput(agentCreateSchema, req.body);
    res.status(201).json({ agent: await agents.create(input) });
  });

  router.patch('/api/agents/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const changes = parseInput(agentUpdateSchema, req.body);
    res.json({ agent: await agents.update(id, changes) });
  });

  router.post('/api/agents/:id/reset-password', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const { password } = parseInput(agentPasswordResetSchema, req.body);
    await agents.resetPassword(id, password);
    res.status(204).end();
  });

  return router;
}
