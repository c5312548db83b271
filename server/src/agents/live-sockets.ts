import type { Namespace } from 'socket.io';
import { agentRoom, SUPERVISORS_ROOM, isSupervisorRole, type AgentPrincipal } from '../auth/principal.js';
import type { AgentSocketData } from '../auth/principal.js';

/** Server-side event telling every process to reload an agent's principal into its live sockets. */
export const PRINCIPAL_CHANGED = 'agent.principal-changed';

/**
 * Puts an admin's change (role, capacity, departments, …) into this process's
 * sockets of that agent, so authorization never runs on a stale role and a
 * demoted supervisor leaves the supervisors room at once.
 */
export function applyPrincipal(namespace: Namespace, principal: AgentPrincipal): void {
  for (const socketId of namespace.adapter.rooms.get(agentRoom(principal.id)) ?? []) {
    const socket = namespace.sockets.get(socketId);
    if (!socket) continue;
    (socket.data as AgentSocketData).agent = principal;
    if (isSupervisorRole(principal.role)) void socket.join(SUPERVISORS_ROOM);
    else void socket.leave(SUPERVISORS_ROOM);
  }
}
