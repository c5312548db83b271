import { apiTokenCreateSchema, objectIdSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { AuditService } from '../audit/audit.service.js';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { ApiTokens } from './api-tokens.service.js';

/** Token management: admins in the console only (no token may make or revoke tokens: see route-scopes.ts). */
export function apiTokensRoutes(deps: { auth: RestAuth; tokens: ApiTokens; audit: () => AuditService }): Router {
  const router = Router();
  const admin = [deps.auth.authenticate, deps.auth.requireRole('admin')];

  router.get('/api/api-tokens', ...admin, async (_req, res) => {
    res.json({ tokens: await deps.tokens.list() });
  });

  router.post('/api/api-tokens', ...admin, async (req, res) => {
    const input = parseInput(apiTokenCreateSchema, req.body);
    const created = await deps.tokens.create(input, currentAgent(res));
    await deps.audit().record({
      actor: currentAgent(res),
      action: 'api-token.create',
      target: { kind: 'api-token', id: created.token.id, name: created.token.name },
      details: { scopes: input.scopes, expiresAt: created.token.expiresAt },
    });
    res.status(201).json(created);
  });

  router.delete('/api/api-tokens/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const token = await deps.tokens.revoke(id);
    await deps.audit().record({
      actor: currentAgent(res),
      action: 'api-token.revoke',
      target: { kind: 'api-token', id, name: token.name },
    });
    res.json({ token });
  });

  return router;
}
