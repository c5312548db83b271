import type { AppContext } from '../app-context.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { Feature } from '../infra/feature.js';
import { knowledgeRoutes } from './knowledge.routes.js';
import { createKnowledgeService } from './knowledge.service.js';
import { seedDemoKnowledge } from './knowledge-seed.js';

/** Canned responses and knowledge-base articles for the agent desk (A3). */
export function createKnowledgeFeature(context: AppContext, deps: { restAuth: RestAuth }) {
  const knowledge = createKnowledgeService(context.mongo);
  const feature: Feature = {
    name: 'knowledge',
    routes: knowledgeRoutes(knowledge, deps.restAuth),
    async start() {
      // Unique indexes first: they make the seed safe when two processes start together.
      await Promise.all([knowledge.models.Canned.init(), knowledge.models.Article.init()]);
      // A useful demo set until the supervisor console can edit them; never in production.
      if (context.config.NODE_ENV !== 'production') await seedDemoKnowledge(knowledge.models, context.logger);
    },
  };
  return { feature, services: { knowledge } };
}
