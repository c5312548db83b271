import {
  conversationRefSchema,
  emptyPayloadSchema,
  liveListSchema,
  supervisorCloseSchema,
  supervisorReassignSchema,
} from '@switchboard/shared/schemas';
import type { Socket } from 'socket.io';
import { requireAgent, requireRole, type AgentPrincipal } from '../auth/principal.js';
import type { SocketContext } from '../infra/feature.js';
import { defineHandler } from '../infra/socket-handler.js';
import type { Board } from './board.js';
import type { LiveLists } from './live-lists.js';
import type { Observe } from './observe.js';
import type { SupervisorActions } from './supervisor-actions.js';

/** Supervisors and admins only: everyone else gets FORBIDDEN, whatever they ask. */
const supervisor = (socket: Socket): AgentPrincipal => requireRole(requireAgent(socket), 'supervisor', 'admin');

/** The console's events on `/agent` (S1–S3). Thin: authorize, call the service, answer. */
export function supervisionSocketHandlers(deps: {
  board: Board;
  lists: LiveLists;
  actions: SupervisorActions;
  observe: Observe;
}) {
  const { board, lists, actions, observe } = deps;
  return {
    'supervisor.board.get': defineHandler(emptyPayloadSchema, (_payload, { socket }: SocketContext) => {
      supervisor(socket);
      return board.snapshot();
    }),
    'supervisor.idle.list': defineHandler(emptyPayloadSchema, async (_payload, { socket }: SocketContext) => {
      supervisor(socket);
      return { sessions: await lists.idle() };
    }),
    'supervisor.live.list': defineHandler(liveListSchema, async (payload, { socket }: SocketContext) => {
      supervisor(socket);
      return { conversations: await lists.live(payload) };
    }),
    'supervisor.reassign': defineHandler(supervisorReassignSchema, (payload, { socket }: SocketContext) =>
      actions.reassign(supervisor(socket), payload),
    ),
    'supervisor.requeue': defineHandler(conversationRefSchema, ({ conversationId }, { socket }: SocketContext) =>
      actions.requeue(supervisor(socket), conversationId),
    ),
    'supervisor.takeover': defineHandler(conversationRefSchema, ({ conversationId }, { socket }: SocketContext) =>
      actions.takeover(supervisor(socket), conversationId),
    ),
    'supervisor.close': defineHandler(supervisorCloseSchema, (payload, { socket }: SocketContext) =>
      actions.close(supervisor(socket), payload),
    ),
    'supervisor.observe': defineHandler(conversationRefSchema, ({ conversationId }, { socket }: SocketContext) =>
      observe.observe(supervisor(socket), socket, conversationId),
    ),
    'supervisor.unobserve': defineHandler(conversationRefSchema, ({ conversationId }, { socket }: SocketContext) =>
      observe.unobserve(supervisor(socket), socket, conversationId),
    ),
    'supervisor.join': defineHandler(conversationRefSchema, ({ conversationId }, { socket }: SocketContext) =>
      observe.join(supervisor(socket), socket, conversationId),
    ),
    'supervisor.leave': defineHandler(conversationRefSchema, ({ conversationId }, { socket }: SocketContext) =>
      observe.leave(supervisor(socket), conversationId),
    ),
  };
}
