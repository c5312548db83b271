import type { SocketServer } from '../infra/socket-server.js';
import { agentRoom, sessionRoom } from './principal.js';
import type { SessionStore } from './session-store.js';

export type SessionEndReason = 'signed-out' | 'deactivated' | 'expired';

/**
 * Ends sessions and the sockets opened with them, on every server process:
 * the adapter carries both the emit and the disconnect through Redis.
 */
export interface Revocation {
  /** Every session of the agent (deactivation, password reset). */
  endAgent(agentId: string, reason: SessionEndReason): Promise<void>;
  /** One session (sign-out): only the sockets opened with that cookie close. */
  endSession(sessionKey: string, agentId: string, reason: SessionEndReason): Promise<void>;
}

export function createRevocation(sessions: SessionStore, sockets: SocketServer): Revocation {
  const closeRoom = (room: string, reason: SessionEndReason) => {
    const namespace = sockets.namespace('agent');
    namespace.to(room).emit('session.ended', { reason });
    namespace.in(room).disconnectSockets(true);
  };
  return {
    async endAgent(agentId, reason) {
      await sessions.destroyAll(agentId);
      closeRoom(agentRoom(agentId), reason);
    },
    async endSession(sessionKey, agentId, reason) {
      await sessions.destroy(sessionKey, agentId);
      closeRoom(sessionRoom(sessionKey), reason);
    },
  };
}
