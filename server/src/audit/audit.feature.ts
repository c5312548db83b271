import { auditQuerySchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { Feature } from '../infra/feature.js';
import { parseInput } from '../infra/validation.js';
import { auditModel } from './audit.model.js';
import { createAuditService, type AuditService } from './audit.service.js';

/** The audit log: written by supervisor and admin actions, read by supervisors and admins. */
export function createAuditFeature(
  context: AppContext,
  deps: { restAuth: RestAuth },
): { feature: Feature; services: { audit: AuditService } } {
  const audit = createAuditService({ model: auditModel(context.mongo), logger: context.logger });
  const routes = Router();
  routes.get(
    '/api/audit',
    deps.restAuth.authenticate,
    deps.restAuth.requireRole('supervisor', 'admin'),
    async (req, res) => {
      res.json({ entries: await audit.list(parseInput(auditQuerySchema, req.query)) });
    },
  );
  return { feature: { name: 'audit', routes }, services: { audit } };
}
