import type { AgentSocket } from '../infra/namespaces.js';
import { requireAgent, requireRole, type AgentPrincipal } from '../auth/principal.js';
import { defineHandlers } from '../infra/socket-handler.js';
import type { Board } from './board.js';
import type { LiveLists } from './live-lists.js';
import type { Observe } from './observe.js';
import type { SupervisorActions } from './supervisor-actions.js';

/** Supervisors and admins only: everyone else gets FORBIDDEN, whatever they ask. */
const supervisor = (socket: AgentSocket): AgentPrincipal => requireRole(requireAgent(socket), 'supervisor', 'admin');

/** The console's events on `/agent`. Thin: authorize, call the service, answer. */
export function supervisionSocketHandlers(deps: {
  board: Board;
  lists: LiveLists;
  actions: SupervisorActions;
  observe: Observe;
}) {
  const { board, lists, actions, observe } = deps;
  return defineHandlers('agent', {
    'supervisor.board.get': (_payload, { socket }) => {
      supervisor(socket);
      return board.snapshot();
    },
    'supervisor.idle.list': async (_payload, { socket }) => {
      supervisor(socket);
      return { sessions: await lists.idle() };
    },
    'supervisor.live.list': async (payload, { socket }) => {
      supervisor(socket);
      return { conversations: await lists.live(payload) };
    },
    'supervisor.reassign': (payload, { socket }) => actions.reassign(supervisor(socket), payload),
    'supervisor.requeue': ({ conversationId }, { socket }) => actions.requeue(supervisor(socket), conversationId),
    'supervisor.takeover': ({ conversationId }, { socket }) => actions.takeover(supervisor(socket), conversationId),
    'supervisor.close': (payload, { socket }) => actions.close(supervisor(socket), payload),
    'supervisor.observe': ({ conversationId }, { socket }) =>
      observe.observe(supervisor(socket), socket, conversationId),
    'supervisor.unobserve': ({ conversationId }, { socket }) =>
      observe.unobserve(supervisor(socket), socket, conversationId),
    'supervisor.join': ({ conversationId }, { socket }) => observe.join(supervisor(socket), socket, conversationId),
    'supervisor.leave': ({ conversationId }, { socket }) => observe.leave(supervisor(socket), conversationId),
  });
}
