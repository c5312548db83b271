import { knowledgeQuerySchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { KnowledgeService } from './knowledge.service.js';

/** Read-only for every signed-in agent, archived entries left out; editing is in knowledge-admin.routes.ts. */
export function knowledgeRoutes(knowledge: KnowledgeService, auth: RestAuth): Router {
  const router = Router();

  router.get('/api/knowledge/canned', auth.authenticate, async (req, res) => {
    const { locale } = parseInput(knowledgeQuerySchema, req.query);
    res.set('Cache-Control', 'private, no-cache').json({ canned: await knowledge.canned(locale) });
  });

  router.get('/api/knowledge/articles', auth.authenticate, async (req, res) => {
    const { locale, q, limit } = parseInput(knowledgeQuerySchema, req.query);
    const articles = await knowledge.articles(locale, q, limit ?? (q ? 10 : 200));
    res.set('Cache-Control', 'private, no-cache').json({ articles });
  });

  return router;
}
