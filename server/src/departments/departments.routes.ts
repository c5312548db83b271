import { AppError, type DepartmentDefaults } from '@switchboard/shared';
import { departmentCreateSchema, departmentUpdateSchema, objectIdSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import { z } from 'zod';
import type { AuditService } from '../audit/audit.service.js';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { diffOf } from '../audit/diff.js';
import { parseInput } from '../infra/validation.js';
import type { DepartmentsService } from './departments.service.js';

export const departmentsListQuerySchema = z.object({ archived: z.enum(['true', 'false']).optional() });

/**
 * Department administration: supervisors read, admins change, and every
 * change is audited with the fields it set. Plus the widget's public topic list.
 */
export function departmentsRoutes(
  departments: DepartmentsService,
  auth: RestAuth,
  audit: AuditService,
  defaults: DepartmentDefaults,
): Router {
  const router = Router();
  const { authenticate } = auth;
  const read = [authenticate, auth.requireRole('supervisor', 'admin')];
  const admin = [authenticate, auth.requireRole('admin')];

  // Public: the pre-chat form's choices. Topic keys, labels, languages and open-now only.
  router.get('/api/public/topics', async (_req, res) => {
    res.set('cache-control', 'no-store').json({ topics: await departments.publicTopics() });
  });

  router.get('/api/departments', ...read, async (req, res) => {
    const query = parseInput(departmentsListQuerySchema, req.query);
    res.json({ departments: await departments.list({ includeArchived: query.archived === 'true' }), defaults });
  });

  router.get('/api/departments/:id', ...read, async (req, res) => {
    const record = await departments.get(parseInput(objectIdSchema, req.params.id));
    if (!record) throw new AppError('NOT_FOUND', 'No such department.');
    res.json({ department: departments.toView(record) });
  });

  router.post('/api/departments', ...admin, async (req, res) => {
    const input = parseInput(departmentCreateSchema, req.body);
    const department = await departments.create(input);
    await audit.record({
      actor: currentAgent(res),
      action: 'department.create',
      target: { kind: 'department', id: department.id, name: department.name },
      details: { name: department.name, values: input },
    });
    res.status(201).json({ department });
  });

  router.patch('/api/departments/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const changes = parseInput(departmentUpdateSchema, req.body);
    const stored = await departments.get(id);
    const before = stored ? (departments.toView(stored) as unknown as Record<string, unknown>) : null;
    const department = await departments.update(id, changes);
    await audit.record({
      actor: currentAgent(res),
      action: 'department.update',
      target: { kind: 'department', id, name: department.name },
      // Only what really changed, old → new (the console's form sends every field).
      details: { name: department.name, fields: Object.keys(changes), diff: diffOf(before, changes) },
    });
    res.json({ department });
  });

  router.delete('/api/departments/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const department = await departments.archive(id);
    await audit.record({
      actor: currentAgent(res),
      action: 'department.archive',
      target: { kind: 'department', id, name: department.name },
      details: { name: department.name },
    });
    res.json({ department });
  });

  return router;
}
