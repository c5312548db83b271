import type { Namespace, Socket } from 'socket.io';
import {
  agentRoom,
  isSupervisorRole,
  requireAgent,
  sessionRoom,
  SUPERVISORS_ROOM,
  type AgentSocketData,
} from '../auth/principal.js';
import type { SessionAuthenticator } from '../auth/session-auth.js';
import type { Logger } from '../infra/logger.js';
import type { AgentsService } from './agents.service.js';

interface Options {
  namespace: () => Namespace;
  agents: AgentsService;
  authenticateSession: SessionAuthenticator;
  offlineGraceMs: number;
  sessionIdleMs: number;
  logger: Logger;
}

/**
 * What happens around an agent socket's life: its rooms, keeping its session
 * alive (and ending the socket when the session is gone), and turning the agent
 * offline once their last socket on every process has been gone for the grace period.
 */
export function createAgentPresence(options: Options) {
  const { agents, logger } = options;
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  // A long-lived socket counts as activity, and a session revoked while a broadcast was missed still ends here.
  const recheckMs = Math.max(1_000, Math.min(options.sessionIdleMs / 2, 60_000));

  const recheck = async (socket: Socket, sessionKey: string) => {
    const found = await options.authenticateSession.byKey(sessionKey);
    if (found || !socket.connected) return;
    socket.emit('session.ended', { reason: 'expired' });
    socket.disconnect(true);
  };

  const goOfflineLater = (agentId: string) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void (async () => {
        // fetchSockets asks every process through the adapter: a reload landing elsewhere still counts.
        const remaining = await options.namespace().in(agentRoom(agentId)).fetchSockets();
        if (remaining.length === 0 && !stopped) await agents.setStatus(agentId, 'offline');
      })().catch((error: unknown) => logger.warn({ err: error, agentId }, 'offline check failed'));
    }, options.offlineGraceMs);
    timer.unref();
    timers.add(timer);
  };

  return {
    onConnection(socket: Socket): void {
      const agent = requireAgent(socket);
      const { sessionKey } = socket.data as AgentSocketData;
      void socket.join(agentRoom(agent.id));
      if (sessionKey) void socket.join(sessionRoom(sessionKey));
      if (isSupervisorRole(agent.role)) void socket.join(SUPERVISORS_ROOM);
      const interval = setInterval(() => {
        if (sessionKey) {
          recheck(socket, sessionKey).catch((error: unknown) => logger.warn({ err: error }, 'session recheck failed'));
        }
      }, recheckMs);
      interval.unref();
      socket.once('disconnect', () => {
        clearInterval(interval);
        goOfflineLater(agent.id);
      });
    },
    stop(): void {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type AgentPresence = ReturnType<typeof createAgentPresence>;
