import { AppError, departmentCreateSchema, departmentUpdateSchema, objectIdSchema } from '@switchboard/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { DepartmentsService } from './departments.service.js';

const listQuerySchema = z.object({ archived: z.enum(['true', 'false']).optional() });

/** Department administration (S4): supervisors read, admins change. Plus the widget's public topic list. */
export function departmentsRoutes(departments: DepartmentsService, auth: RestAuth): Router {
  const router = Router();
  const { authenticate } = auth;
  const read = [authenticate, auth.requireRole('supervisor', 'admin')];
  const admin = [authenticate, auth.requireRole('admin')];

  // Public: the pre-chat form's choices. Topic keys, labels, languages and open-now only.
  router.get('/api/public/topics', async (_req, res) => {
    res.set('cache-control', 'no-store').json({ topics: await departments.publicTopics() });
  });

  router.get('/api/departments', ...read, async (req, res) => {
    const query = parseInput(listQuerySchema, req.query);
    res.json({ departments: await departments.list({ includeArchived: query.archived === 'true' }) });
  });

  router.get('/api/departments/:id', ...read, async (req, res) => {
    const record = await departments.get(parseInput(objectIdSchema, req.params.id));
    if (!record) throw new AppError('NOT_FOUND', 'No such department.');
    res.json({ department: departments.toView(record) });
  });

  router.post('/api/departments', ...admin, async (req, res) => {
    const input = parseInput(departmentCreateSchema, req.body);
    res.status(201).json({ department: await departments.create(input) });
  });

  router.patch('/api/departments/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const changes = parseInput(departmentUpdateSchema, req.body);
    res.json({ department: await departments.update(id, changes) });
  });

  router.delete('/api/departments/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    res.json({ department: await departments.archive(id) });
  });

  return router;
}
