import type { Redis } from 'ioredis';
import { agentRoom, isSupervisorRole, requireAgent, sessionRoom, SUPERVISORS_ROOM } from '../auth/principal.js';
import type { SessionAuthenticator } from '../auth/session-auth.js';
import type { Logger } from '../infra/logger.js';
import type { AgentSocket, TypedNamespace } from '../infra/namespaces.js';
import type { AgentsService } from './agents.service.js';

interface Options {
  namespace: () => TypedNamespace<'agent'>;
  agents: AgentsService;
  authenticateSession: SessionAuthenticator;
  redis: Pick<Redis, 'zadd' | 'zrangebyscore' | 'pexpire' | 'pipeline'>;
  prefix: string;
  offlineGraceMs: number;
  sessionIdleMs: number;
  logger: Logger;
}

/**
 * What happens around an agent socket's life: its rooms, keeping its session
 * alive (and ending the socket when the session is gone), and turning the
 * agent offline once none of their sockets on any process has been seen for
 * the grace period.
 *
 * "Seen" is a Redis sorted set per agent: every process stamps the time on
 * each of its agent sockets every third of the grace period, and once more
 * as a socket leaves. Asking the other processes instead (`fetchSockets`
 * through the adapter) counts only those whose subscription is up at that
 * moment: a process just restarted, or reconnecting to Redis after a blip,
 * is not asked, and an agent connected there was turned offline while
 * connected, with nothing to turn them back (found by the soak run). The
 * stamps also notice an agent whose process died with their socket and who
 * did not come back: every process looks at the agents not offline once per
 * grace period, so none stays online with nobody at the desk.
 */
export function createAgentPresence(options: Options) {
  const { agents, logger, redis } = options;
  const graceMs = options.offlineGraceMs;
  const stampEveryMs = Math.max(100, Math.floor(graceMs / 3));
  const keepStampsMs = Math.max(3_000, graceMs * 3);
  const seenKey = (agentId: string) => `${options.prefix}:agents:seen:${agentId}`;
  const local = new Map<string, string>(); // socket id → agent id, this process's agent sockets
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  /** Stamps are trusted only after a whole grace period of them landing: Redis may have lost some. */
  let stampsReliableFrom = Date.now() + graceMs;
  // A long-lived socket counts as activity, and a session revoked while a broadcast was missed still ends here.
  const recheckMs = Math.max(1_000, Math.min(options.sessionIdleMs / 2, 60_000));

  const recheck = async (socket: AgentSocket, sessionKey: string) => {
    const found = await options.authenticateSession.byKey(sessionKey);
    if (found || !socket.connected) return;
    socket.emit('session.ended', { reason: 'expired' });
    socket.disconnect(true);
  };

  async function stamp(entries: [socketId: string, agentId: string][]): Promise<void> {
    if (entries.length === 0) return;
    const now = Date.now();
    const batch = redis.pipeline();
    for (const [socketId, agentId] of entries) {
      batch.zadd(seenKey(agentId), now, socketId);
      batch.pexpire(seenKey(agentId), keepStampsMs);
    }
    const results = (await batch.exec()) ?? [];
    if (results.some(([error]) => error)) throw new Error('presence stamps not all written');
  }
  const stampOrDistrust = (entries: [string, string][]) =>
    stamp(entries).catch((error: unknown) => {
      stampsReliableFrom = Date.now() + graceMs;
      logger.debug({ err: error }, 'agent presence not stamped');
    });

  /** Some socket of the agent was seen within the grace period (or we cannot tell: then yes). */
  async function seenLately(agentId: string): Promise<boolean> {
    if (Date.now() < stampsReliableFrom) return true;
    const recent = await redis.zrangebyscore(seenKey(agentId), Date.now() - graceMs, '+inf', 'LIMIT', 0, 1);
    return recent.length > 0;
  }

  async function offlineIfGone(agentId: string): Promise<void> {
    if (stopped || (await seenLately(agentId))) return;
    await agents.setStatus(agentId, 'offline');
  }

  const later = (ms: number, work: () => Promise<void>) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      work().catch((error: unknown) => logger.warn({ err: error }, 'agent presence check failed'));
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const stamping = setInterval(() => void stampOrDistrust([...local.entries()]), stampEveryMs);
  stamping.unref();
  // Agents whose last socket died with its process: no disconnect ran anywhere to time them.
  const sweeping = setInterval(
    () => {
      void (async () => {
        for (const agent of await agents.list()) {
          if (agent.active && agent.status !== 'offline') await offlineIfGone(agent.id);
        }
      })().catch((error: unknown) => logger.warn({ err: error }, 'agent presence sweep failed'));
    },
    Math.max(1_000, graceMs),
  );
  sweeping.unref();

  return {
    onConnection(socket: AgentSocket): void {
      const agent = requireAgent(socket);
      const { sessionKey } = socket.data;
      void socket.join(agentRoom(agent.id));
      if (sessionKey) void socket.join(sessionRoom(sessionKey));
      if (isSupervisorRole(agent.role)) void socket.join(SUPERVISORS_ROOM);
      local.set(socket.id, agent.id);
      void stampOrDistrust([[socket.id, agent.id]]);
      const interval = setInterval(() => {
        if (sessionKey) {
          recheck(socket, sessionKey).catch((error: unknown) => logger.warn({ err: error }, 'session recheck failed'));
        }
      }, recheckMs);
      interval.unref();
      socket.once('disconnect', () => {
        clearInterval(interval);
        local.delete(socket.id);
        // Seen until now: the grace period runs from here.
        void stampOrDistrust([[socket.id, agent.id]]);
        later(graceMs + stampEveryMs, () => offlineIfGone(agent.id));
      });
    },
    stop(): void {
      stopped = true;
      clearInterval(stamping);
      clearInterval(sweeping);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type AgentPresence = ReturnType<typeof createAgentPresence>;
