import type { AgentView } from '@switchboard/shared';
import { requireAgent } from '../auth/principal.js';
import { defineHandlers } from '../infra/socket-handler.js';
import type { AgentsService } from './agents.service.js';

/** Events of the `/agent` namespace owned by the agents feature. */
export function agentsSocketHandlers(agents: AgentsService) {
  return defineHandlers('agent', {
    'agent.status.set': ({ status }, { socket }): Promise<AgentView> =>
      agents.setStatus(requireAgent(socket).id, status),
  });
}
