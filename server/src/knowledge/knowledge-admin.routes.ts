import {
  articleCreateSchema,
  articleUpdateSchema,
  cannedCreateSchema,
  cannedUpdateSchema,
  knowledgeAdminQuerySchema,
  objectIdSchema,
} from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { z } from 'zod';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { createKnowledgeAdmin } from './knowledge-admin.js';

type Admin = ReturnType<typeof createKnowledgeAdmin>;

/**
 * Editing canned responses and articles; answers carry `CannedAdminView`
 * / `ArticleAdminView` (shared/src/knowledge.ts). Content, not configuration:
 * supervisors keep the team's answers current as well as admins.
 */
export function knowledgeAdminRoutes(admins: { canned: Admin; articles: Admin }, auth: RestAuth): Router {
  const router = Router();
  const editors = [auth.authenticate, auth.requireRole('supervisor', 'admin')];

  const mount = (
    path: string,
    admin: Admin,
    names: { list: string; one: string },
    schemas: { create: z.ZodType; update: z.ZodType },
  ) => {
    router.get(`/api/knowledge/admin/${path}`, ...editors, async (req, res) => {
      const { archived } = parseInput(knowledgeAdminQuerySchema, req.query);
      res.set('Cache-Control', 'private, no-cache').json({ [names.list]: await admin.list(archived === 'true') });
    });
    router.post(`/api/knowledge/${path}`, ...editors, async (req, res) => {
      const input = parseInput(schemas.create, req.body) as Record<string, unknown>;
      res.status(201).json({ [names.one]: await admin.create(currentAgent(res), input) });
    });
    router.patch(`/api/knowledge/${path}/:id`, ...editors, async (req, res) => {
      const id = parseInput(objectIdSchema, req.params.id);
      const changes = parseInput(schemas.update, req.body) as Record<string, unknown>;
      res.json({ [names.one]: await admin.update(currentAgent(res), id, changes) });
    });
    router.delete(`/api/knowledge/${path}/:id`, ...editors, async (req, res) => {
      const id = parseInput(objectIdSchema, req.params.id);
      res.json({ [names.one]: await admin.update(currentAgent(res), id, { archived: true }) });
    });
  };

  mount(
    'canned',
    admins.canned,
    { list: 'canned', one: 'canned' },
    { create: cannedCreateSchema, update: cannedUpdateSchema },
  );
  mount(
    'articles',
    admins.articles,
    { list: 'articles', one: 'article' },
    {
      create: articleCreateSchema,
      update: articleUpdateSchema,
    },
  );
  return router;
}
