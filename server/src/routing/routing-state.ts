import type { Redis } from 'ioredis';
import { ROUTING_SCRIPTS } from './routing-state-scripts.js';

/** A waiting chat as routing orders and matches it. */
export interface WaitingChat {
  id: string;
  language: string;
  queuedAt: Date;
  /** A transferred or requeued chat goes before every chat waiting normally. */
  priority: number;
  /** The agent it was taken from: routing gives it to anyone else. */
  avoidAgentId?: string | null;
}

/** An agent as routing sees them (effective capacity already worked out). */
export interface RoutableAgent {
  id: string;
  status: 'online' | 'away' | 'offline';
  capacity: number;
  languages: readonly string[];
  displayName: string;
  avatarUrl?: string | null;
  lastAssignedAt?: Date | null;
  /** The queues they serve: their departments' and the general queue. */
  queues: readonly string[];
}

/** A chat reserved for an agent by a claim, to be assigned in the database next. */
export interface Reservation {
  conversationId: string;
  agentId: string;
  displayName: string;
  avatarUrl: string | null;
  /** Where to put the chat back if its assignment cannot be written. */
  queue: string;
  score: number;
  info: string;
  /** The agent's place in the rotation before this claim, restored if the chat is given back. */
  previousLast: string;
}

export type ClaimOneOutcome = 'ok' | 'rebuild' | 'agent-unavailable' | 'agent-full';

/** Routing order: higher priority first, then first come. */
export const orderScore = (chat: Pick<WaitingChat, 'priority' | 'queuedAt'>) =>
  (chat.priority > 0 ? 0 : 1e13) + chat.queuedAt.getTime();
const infoOf = (chat: Pick<WaitingChat, 'language' | 'queuedAt' | 'avoidAgentId'>) =>
  `${chat.language}|${chat.queuedAt.getTime()}|${chat.avoidAgentId ?? ''}`;

type Reply = (string | number)[];
type Scripts = Record<keyof typeof ROUTING_SCRIPTS, (...args: (string | number)[]) => Promise<Reply>>;

/**
 * The state routing decides on, in Redis: each queue's waiting chats in
 * order, and each agent's status, capacity, languages and the chats they
 * hold or are being given (routing-state-scripts.ts has the keys). A claim
 * picks agents and reserves their slots in one atomic script, so two
 * processes can never both fill an agent's last slot, and no database read
 * or sort happens per routing pass.
 *
 * The database stays the record: a reserved chat is assigned there with a
 * conditional write that only a chat still waiting matches (so no chat is
 * ever assigned twice, whatever Redis holds), then committed here, or given
 * back. The state is rebuilt from the database when Redis lost it, and the
 * routing sweep repairs it (routing.service.ts).
 */
export function createRoutingState(redis: Redis, prefix: string) {
  const P = `${prefix}:rt:`;
  for (const [name, lua] of Object.entries(ROUTING_SCRIPTS)) {
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: 0, lua });
  }
  const scripts = redis as unknown as Scripts;
  const now = () => Date.now();

  return {
    async isBuilt(): Promise<boolean> {
      return (await redis.exists(`${P}built`)) === 1;
    },
    async markBuilt(): Promise<void> {
      await redis.set(`${P}built`, String(now()));
    },

    /**
     * Up to `most` waiting chats of `queue`, each reserved on the best agent
     * with room; `retryInMs` says when a chat now skipped for want of a
     * speaker of its language may go to anyone. Null: the state must be rebuilt first.
     */
    async claim(
      queue: string,
      options: { strategy: string; fallbackSeconds: number | null; most: number; look: number },
    ): Promise<{ reservations: Reservation[]; retryInMs: number | null } | null> {
      const reply = await scripts.sbRouteClaim(
        P,
        queue,
        now(),
        options.strategy,
        options.fallbackSeconds ?? -1,
        options.most,
        options.look,
      );
      if (reply[0] === 'rebuild') return null;
      const reservations: Reservation[] = [];
      for (let index = 2; index + 6 < reply.length; index += 7) {
        reservations.push({
          conversationId: String(reply[index]),
          agentId: String(reply[index + 1]),
          displayName: String(reply[index + 2]),
          avatarUrl: String(reply[index + 3]) || null,
          queue,
          score: Number(reply[index + 6]),
          info: String(reply[index + 4]),
          previousLast: String(reply[index + 5]),
        });
      }
      const retry = Number(reply[1]);
      return { reservations, retryInMs: retry >= 0 ? retry : null };
    },

    /** Reserves one slot of `agentId` for one chat (pickup, transfer) and takes the chat out of `queue`. */
    async claimOne(
      agentId: string,
      conversationId: string,
      options: { need: 'online' | 'present'; queue: string | null },
    ): Promise<{ outcome: ClaimOneOutcome; previousLast: string }> {
      const reply = await scripts.sbRouteClaimOne(P, agentId, conversationId, now(), options.need, options.queue ?? '');
      return { outcome: String(reply[0]) as ClaimOneOutcome, previousLast: String(reply[1] ?? '') };
    },

    /**
     * The assignment was stored: the reservation counts as an active chat (a
     * chat given outside routing, `reserved` false, counts without one).
     * Resolves to the agent's load and capacity.
     */
    async commit(
      agentId: string,
      conversationId: string,
      reserved = true,
    ): Promise<{ load: number; capacity: number }> {
      const [load, capacity] = await scripts.sbRouteCommit(P, agentId, conversationId, now(), reserved ? '1' : '0');
      return { load: Number(load), capacity: Number(capacity) };
    },

    /**
     * The assignment was not stored: the slot (and the agent's place in the
     * rotation) goes back; `requeue` puts the chat back in its queue, where a
     * failed write (not a lost race) leaves it waiting.
     */
    async cancel(
      agentId: string,
      conversationId: string,
      options: { previousLast?: string; requeue?: { queue: string; score: number; info: string } } = {},
    ): Promise<void> {
      const back = options.requeue;
      await scripts.sbRouteCancel(
        P,
        agentId,
        conversationId,
        options.previousLast ?? '',
        back?.queue ?? '',
        back?.score ?? 0,
        back?.info ?? '',
      );
    },

    /** A chat left its agent: their slot is free. Resolves to the agent's load and capacity. */
    async release(agentId: string, conversationId: string): Promise<{ load: number; capacity: number }> {
      const [load, capacity] = await scripts.sbRouteRelease(P, agentId, conversationId, now());
      return { load: Number(load), capacity: Number(capacity) };
    },

    async putAgent(agent: RoutableAgent): Promise<void> {
      await scripts.sbRoutePutAgent(
        P,
        agent.id,
        agent.status,
        agent.capacity,
        `,${agent.languages.join(',')},`,
        agent.displayName,
        agent.avatarUrl ?? '',
        agent.lastAssignedAt ? agent.lastAssignedAt.getTime() : '',
        agent.queues.join(','),
      );
    },

    async enqueue(queue: string, chats: readonly WaitingChat[]): Promise<void> {
      if (chats.length === 0) return;
      await scripts.sbRouteEnqueue(P, queue, ...chats.flatMap((chat) => [chat.id, orderScore(chat), infoOf(chat)]));
    },

    /** Messages left offline in a queue: never routed, counted until an agent picks them up. */
    async enqueueOffline(queue: string, chats: readonly Pick<WaitingChat, 'id' | 'queuedAt'>[]): Promise<void> {
      if (chats.length === 0) return;
      await redis.zadd(`${P}off:${queue}`, ...chats.flatMap((chat) => [chat.queuedAt.getTime(), chat.id]));
    },

    /** How many messages left offline wait in a queue, and since when the oldest. */
    async offlineWaiting(queue: string): Promise<{ count: number; oldest: Date | null }> {
      const [count, oldest] = await Promise.all([
        redis.zcard(`${P}off:${queue}`),
        redis.zrange(`${P}off:${queue}`, 0, 0, 'WITHSCORES'),
      ]);
      return { count, oldest: oldest[1] === undefined ? null : new Date(Number(oldest[1])) };
    },

    /** The offline messages' ids of a queue (the sweep compares them with the database). */
    async offlineIds(queue: string): Promise<string[]> {
      return redis.zrange(`${P}off:${queue}`, 0, -1);
    },

    async dequeue(queue: string, conversationId: string): Promise<void> {
      await scripts.sbRouteDequeue(P, queue, conversationId);
    },

    /** Repairs one agent's count from their active chats as read at `readAt`; resolves to how many entries changed. */
    async reconcileAgent(agentId: string, active: readonly string[], readAt: number, staleMs: number): Promise<number> {
      return Number(await scripts.sbRouteReconcileAgent(P, agentId, readAt, readAt - staleMs, ...active));
    },

    /** A queue's waiting chats in routing order, with when each began waiting. */
    async waiting(queue: string): Promise<{ id: string; queuedAt: Date; priority: number }[]> {
      const [ranked, infos] = await Promise.all([
        redis.zrange(`${P}q:${queue}`, 0, -1, 'WITHSCORES'),
        redis.hgetall(`${P}ql:${queue}`),
      ]);
      const chats: { id: string; queuedAt: Date; priority: number }[] = [];
      for (let index = 0; index + 1 < ranked.length; index += 2) {
        const id = ranked[index] ?? '';
        const score = Number(ranked[index + 1]);
        const queuedAt = Number((infos[id] ?? '').split('|')[1] ?? score % 1e13);
        chats.push({ id, queuedAt: new Date(queuedAt), priority: score < 1e13 ? 1 : 0 });
      }
      return chats;
    },

    /** Online agents of a queue's pool with free and total slots (wait estimates, supervisors' figures). */
    /** The queue's online agents and their slots; `without`: an agent not to count (one handing a chat over). */
    async pool(
      queue: string,
      without = '',
    ): Promise<{ agentsOnline: number; agentsWithRoom: number; freeSlots: number; totalSlots: number }> {
      const [agentsOnline, freeSlots, totalSlots, agentsWithRoom] = await scripts.sbRoutePool(P, queue, without);
      return {
        agentsOnline: Number(agentsOnline),
        agentsWithRoom: Number(agentsWithRoom),
        freeSlots: Number(freeSlots),
        totalSlots: Number(totalSlots),
      };
    },

    /** One agent as routing counts them now: chats held, slots reserved, capacity, last assignment (ms, 0: never). */
    async agent(agentId: string): Promise<{ active: number; reserved: number; capacity: number; last: number }> {
      const [active, reserved, fields] = await Promise.all([
        redis.zcard(`${P}act:${agentId}`),
        redis.zcard(`${P}pend:${agentId}`),
        redis.hmget(`${P}a:${agentId}`, 'cap', 'last'),
      ]);
      return { active, reserved, capacity: Number(fields[0] ?? 0), last: Number(fields[1] ?? 0) };
    },

    /** Every agent id with routing state (the sweep repairs each). */
    async agentIds(): Promise<string[]> {
      const ids: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${P}a:*`, 'COUNT', 500);
        cursor = next;
        ids.push(...keys.map((key) => key.slice(`${P}a:`.length)));
      } while (cursor !== '0');
      return ids;
    },
  };
}

export type RoutingState = ReturnType<typeof createRoutingState>;
