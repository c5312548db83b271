import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import type { AgentsService } from '../agents/agents.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { Feature } from '../infra/feature.js';
import type { MessagesService } from '../messages/messages.service.js';
import { resolveAgentAppDist } from './agent-app-dist.js';
import { agentAppRoutes } from './agent-app.routes.js';
import { DEFAULT_DESK_SETTINGS } from './desk-settings.js';
import { deskRoutes } from './desk.routes.js';

/** The agent desk (issue 7): the built app at /agent and the REST reads only the desk makes. */
export function createAgentAppFeature(
  _context: AppContext,
  deps: {
    restAuth: RestAuth;
    conversations: ConversationsService;
    messages: MessagesService;
    departments: Pick<DepartmentsService, 'list'>;
    agents: Pick<AgentsService, 'list'>;
  },
): Feature {
  const routes = Router();
  routes.use(
    deskRoutes({
      auth: deps.restAuth,
      conversations: deps.conversations,
      messages: deps.messages,
      departments: deps.departments,
      agents: deps.agents,
      settings: DEFAULT_DESK_SETTINGS,
    }),
  );
  routes.use(agentAppRoutes(resolveAgentAppDist()));
  return { name: 'agent-app', routes };
}
