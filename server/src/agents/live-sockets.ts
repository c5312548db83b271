import { agentRoom, SUPERVISORS_ROOM, isSupervisorRole, type AgentPrincipal } from '../auth/principal.js';
import { conversationOfAgentsRoom, rooms } from '../conversations/rooms.js';
import type { AgentSocket, TypedNamespace } from '../infra/namespaces.js';

/** Server-side event telling every process to reload an agent's principal into its live sockets. */
export const PRINCIPAL_CHANGED = 'agent.principal-changed';

/** Of these conversation ids, the ones assigned to the agent (their own chats' rooms stay joined). */
export type AssignedAmong = (agentId: string, conversationIds: string[]) => Promise<string[]>;

/**
 * Puts an admin's change (role, capacity, …) into this process's sockets of
 * that agent, so authorization never runs on a stale role. A demoted
 * supervisor leaves at once what only supervisors may receive: the
 * supervisors room, and the agents rooms of chats they observed or joined
 * (live messages and internal notes of other agents' chats). Rooms of their
 * own assigned chats stay.
 */
export async function applyPrincipal(
  namespace: TypedNamespace<'agent'>,
  principal: AgentPrincipal,
  assignedAmong: AssignedAmong,
): Promise<void> {
  const sockets: AgentSocket[] = [];
  for (const socketId of namespace.adapter.rooms.get(agentRoom(principal.id)) ?? []) {
    const socket = namespace.sockets.get(socketId);
    if (!socket) continue;
    socket.data.agent = principal;
    sockets.push(socket);
    if (isSupervisorRole(principal.role)) void socket.join(SUPERVISORS_ROOM);
    else void socket.leave(SUPERVISORS_ROOM);
  }
  if (isSupervisorRole(principal.role)) return;
  const watched = new Set(
    sockets.flatMap((socket) => [...socket.rooms].flatMap((room) => conversationOfAgentsRoom(room) ?? [])),
  );
  if (watched.size === 0) return;
  const own = new Set(await assignedAmong(principal.id, [...watched]));
  for (const socket of sockets) {
    for (const id of watched) if (!own.has(id)) void socket.leave(rooms.conversationAgents(id));
  }
}
