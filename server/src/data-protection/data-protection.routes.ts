import { customerLookupQuerySchema, objectIdSchema, retentionRunSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { AuditService } from '../audit/audit.service.js';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { CustomerData } from './customer-data.js';
import type { Retention } from './retention.js';

/**
 * Data-protection requests, admins only (and API tokens with the customers
 * scopes): find a customer by email, export them, erase them, and the
 * retention policy's dry run and run. Every call is audited; the log keeps
 * what was done and counts, never the data.
 */
export function dataProtectionRoutes(deps: {
  auth: RestAuth;
  customers: CustomerData;
  retention: Retention;
  audit: AuditService;
}): Router {
  const router = Router();
  const admin = [deps.auth.authenticate, deps.auth.requireRole('admin')];
  const customer = (id: string) => ({ kind: 'customer', id });

  router.get('/api/data-protection/customers', ...admin, async (req, res) => {
    const { email } = parseInput(customerLookupQuerySchema, req.query);
    const customers = await deps.customers.findByEmail(email);
    await deps.audit.record({
      actor: currentAgent(res),
      action: 'customer.lookup',
      target: { kind: 'customer', id: customers.map((each) => each.id).join(',') || 'none' },
      details: { found: customers.length },
    });
    res.json({ customers });
  });

  router.get('/api/data-protection/customers/:id/export', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const data = await deps.customers.export(id);
    await deps.audit.record({ actor: currentAgent(res), action: 'customer.export', target: customer(id) });
    res.setHeader('content-disposition', `attachment; filename="customer-${id}.json"`);
    res.json(data);
  });

  router.post('/api/data-protection/customers/:id/erase', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const erased = await deps.customers.erase(id);
    const { customerId: _id, ...counts } = erased;
    await deps.audit.record({
      actor: currentAgent(res),
      action: 'customer.erase',
      target: customer(id),
      details: counts,
    });
    res.json({ erased });
  });

  router.get('/api/data-protection/retention', ...admin, async (_req, res) => {
    res.json({ retention: await deps.retention.run({ dryRun: true }) });
  });

  router.post('/api/data-protection/retention/run', ...admin, async (req, res) => {
    const { dryRun } = parseInput(retentionRunSchema, req.body ?? {});
    const retention = await deps.retention.run({ dryRun });
    if (!dryRun) {
      await deps.audit.record({
        actor: currentAgent(res),
        action: 'retention.run',
        target: { kind: 'retention', id: 'policy' },
        details: { days: retention.days, action: retention.action, changed: retention.changed },
      });
    }
    res.json({ retention });
  });

  return router;
}
