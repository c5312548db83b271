import type { AgentView } from '@switchboard/shared';
import { agentStatusSetSchema } from '@switchboard/shared/schemas';
import { requireAgent } from '../auth/principal.js';
import type { SocketContext } from '../infra/feature.js';
import { defineHandler } from '../infra/socket-handler.js';
import type { AgentsService } from './agents.service.js';

/** Events of the `/agent` namespace owned by the agents feature. */
export function agentsSocketHandlers(agents: AgentsService) {
  return {
    'agent.status.set': defineHandler(
      agentStatusSetSchema,
      ({ status }, { socket }: SocketContext): Promise<AgentView> => agents.setStatus(requireAgent(socket).id, status),
    ),
  };
}
