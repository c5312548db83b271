import type { AgentsService } from '../agents/agents.service.js';
import type { AgentRecord } from '../agents/agent.model.js';
import type { LoadedSession, SessionStore } from './session-store.js';

export interface AuthenticatedSession {
  session: LoadedSession;
  agent: AgentRecord;
}

/**
 * Resolves a session to a live session of an active agent, sliding its idle
 * expiry. The agent is read from the database every time, so a deactivation,
 * a password reset or a role change counts at once, whatever Redis still holds.
 */
export interface SessionAuthenticator {
  /** By the secret id from the cookie. */
  byId(sessionId: string | undefined): Promise<AuthenticatedSession | null>;
  /** By the key a socket kept (periodic re-checks of long-lived sockets). */
  byKey(sessionKey: string): Promise<AuthenticatedSession | null>;
}

// 32 random bytes in base64url: anything else cannot be ours and is not worth a Redis round trip.
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function createSessionAuthenticator(sessions: SessionStore, agents: AgentsService): SessionAuthenticator {
  const check = async (session: LoadedSession | null): Promise<AuthenticatedSession | null> => {
    if (!session) return null;
    const agent = await agents.getById(session.agentId);
    if (!agent?.active || agent.sessionEpoch !== session.epoch) {
      await sessions.destroy(session.key, session.agentId);
      return null;
    }
    return { session, agent };
  };
  return {
    async byId(sessionId) {
      if (!sessionId || !SESSION_ID.test(sessionId)) return null;
      return check(await sessions.touch(sessionId));
    },
    async byKey(sessionKey) {
      return check(await sessions.touchByKey(sessionKey));
    },
  };
}
