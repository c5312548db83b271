import type { AppContext } from '../app-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { Feature } from '../infra/feature.js';
import { createKnowledgeAdmin, type KnowledgeFields } from './knowledge-admin.js';
import { knowledgeAdminRoutes } from './knowledge-admin.routes.js';
import { knowledgeRoutes } from './knowledge.routes.js';
import { createKnowledgeService } from './knowledge.service.js';
import { seedDemoKnowledge } from './knowledge-seed.js';
import { Router } from 'express';
import type { Model } from 'mongoose';

/** Canned responses and knowledge-base articles for the agent desk's composer, edited in the console. */
export function createKnowledgeFeature(context: AppContext, deps: { restAuth: RestAuth; audit: AuditService }) {
  const knowledge = createKnowledgeService(context.mongo);
  const adminDeps = {
    audit: deps.audit,
    // Through the adapter: desks on every process hear it. A desk that missed it reloads on reconnect.
    changed: (kind: 'canned' | 'article') => {
      context.sockets.namespace('agent').emit('knowledge.changed', { kind });
    },
  };
  const knowledgeAdmin = {
    canned: createKnowledgeAdmin(
      knowledge.models.Canned as unknown as Model<KnowledgeFields>,
      { kind: 'canned', keyField: 'shortcut', noun: 'canned response' },
      adminDeps,
    ),
    articles: createKnowledgeAdmin(
      knowledge.models.Article as unknown as Model<KnowledgeFields>,
      { kind: 'article', keyField: 'slug', noun: 'article' },
      adminDeps,
    ),
  };
  const routes = Router();
  routes.use(knowledgeRoutes(knowledge, deps.restAuth), knowledgeAdminRoutes(knowledgeAdmin, deps.restAuth));
  const feature: Feature = {
    name: 'knowledge',
    routes,
    async start() {
      // Unique indexes first: they make the seed safe when two processes start together.
      await Promise.all([knowledge.models.Canned.init(), knowledge.models.Article.init()]);
      // A useful demo set for a fresh deployment (while a collection is empty); never in production.
      if (context.config.NODE_ENV !== 'production') await seedDemoKnowledge(knowledge.models, context.logger);
    },
  };
  return { feature, services: { knowledge, knowledgeAdmin } };
}
