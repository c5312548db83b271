import type { Redis } from 'ioredis';
import type { AgentModel } from '../agents/agent.model.js';
import { toAgentPrincipal } from '../agents/agent-view.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { isOpenAt } from '../departments/business-hours.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { Logger } from '../infra/logger.js';
import { ResilientMutex } from '../infra/resilient-mutex.js';
import { loadAgentPool } from './agent-pool.js';
import type { Capacity } from './capacity.js';
import type { CapacityLimits } from './capacity-limits.js';
import type { Clock } from './clock.js';
import { departmentIdOf, GENERAL_QUEUE } from './queue-keys.js';
import { chooseAgent } from './strategy.js';

/** Most waiting chats one round looks at; a longer queue is served over several rounds. */
const PASS_LIMIT = 500;
/** Rounds per pass: each re-reads the queue and the agents after the previous one's claims. */
const MAX_ROUNDS = 20;
/** Chats claimed for one agent per hold of their lock (others wait on it: a pickup, a close's re-count). */
const CLAIM_BATCH = 3;
/** Agents claimed for at once within a round. */
const AGENTS_AT_ONCE = 4;

interface Planned {
  conversationId: string;
  agentId: string;
}

export interface RouterDeps {
  redis: Redis;
  prefix: string;
  logger: Logger;
  agents: AgentModel;
  conversations: ConversationsService;
  departments: DepartmentsService;
  capacity: Capacity;
  limits: CapacityLimits;
  clock: Clock;
  generalLanguageFallbackSeconds: number;
  /** After each automatic assignment (metrics). */
  onAssigned(conversation: ConversationDocument, queueKey: string): void;
}

/**
 * Automatic assignment, one queue at a time. A pass walks the queue in order
 * (priority, then oldest `queuedAt`) and gives each chat the best agent
 * with room (strategy.ts), claiming capacity and the conversation atomically
 * (capacity.ts), a few agents' claims at once. Only one pass per queue runs at a time across all processes
 * (a Redis mutex), which is what makes assignment order FIFO; triggers that
 * arrive meanwhile set a "dirty" flag the running pass picks up before it
 * lets go, so no trigger is lost and none queues up a pass of its own.
 */
export function createRouter(deps: RouterDeps) {
  const { redis, logger, clock } = deps;
  const lockKey = (key: string) => `${deps.prefix}:routing:pass:${key}`;
  const dirtyKey = (key: string) => `${deps.prefix}:routing:dirty:${key}`;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const retries = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  /** Comes back to a queue when a waiting chat's language fallback opens (sooner than the sweep). */
  function retryLater(key: string, seconds: number) {
    if (stopped || retries.has(key)) return;
    const timer = setTimeout(
      () => {
        retries.delete(key);
        void kick(key);
      },
      Math.max(50, Math.ceil(seconds * 1000)),
    );
    timer.unref();
    retries.set(key, timer);
  }

  /**
   * Carries out a round's plan. One agent's chats are claimed in order under
   * one hold of their lock (capacity.claimMany: the agent is read and its slots
   * reserved once per batch, not once per chat), in batches so that a pickup or
   * a close waiting on that lock is not held up for long. Agents run a few at
   * a time, in the order of their oldest planned chat: the database serves
   * one write at a time (FerretDB on SQLite), so a hundred agents claiming at
   * once only queue in front of every other request, starts included.
   */
  async function execute(plan: Planned[], key: string): Promise<{ assigned: number; stale: boolean }> {
    const byAgent = new Map<string, string[]>();
    for (const step of plan) byAgent.set(step.agentId, [...(byAgent.get(step.agentId) ?? []), step.conversationId]);
    const work = [...byAgent.entries()];
    let assigned = 0;
    let stale = false;
    const claimFor = async ([agentId, conversationIds]: [string, string[]]) => {
      for (let from = 0; from < conversationIds.length; from += CLAIM_BATCH) {
        const result = await deps.capacity
          .claimMany(agentId, conversationIds.slice(from, from + CLAIM_BATCH), (agent, conversationId) =>
            deps.conversations.assign(conversationId, toAgentPrincipal(agent)),
          )
          .catch((error: unknown) => {
            // Typically the agent's lock was busy past its timeout: skip them this round, not the whole pass.
            logger.warn({ err: error, agentId }, 'routing claim failed');
            return null;
          });
        if (!result) return;
        for (const conversation of result.assigned) deps.onAssigned(conversation, key);
        assigned += result.assigned.length;
        // Offline or full (the plan's load was behind: another queue, a pickup): the next round
        // reads the agents again and plans right.
        if (result.stopped) {
          stale = true;
          return;
        }
      }
    };
    let next = 0;
    const lanes = Array.from({ length: Math.min(AGENTS_AT_ONCE, work.length) }, async () => {
      for (let item = work[next++]; item; item = work[next++]) await claimFor(item);
    });
    await Promise.all(lanes);
    return { assigned, stale };
  }

  /**
   * One round plans the whole queue against the agents' current loads (oldest
   * chat first, each taking the best agent left, loads counted up as it goes),
   * then carries the plan out. The set of chats served is therefore always the
   * oldest servable ones; a round that hits a stale plan (agent gone, chat
   * taken by hand) is followed by a fresh one.
   */
  async function pass(key: string): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS && !stopped; round += 1) {
      const now = clock.now();
      const department = key === GENERAL_QUEUE ? null : await deps.departments.get(key);
      if (key !== GENERAL_QUEUE && !department) return;
      // Closed: chats wait (their customers are offered the offline message) until it opens.
      if (department && !isOpenAt(department.hours, now)) return;
      const strategy = department?.strategy ?? 'least-loaded';
      const fallbackSeconds = department ? department.languageFallbackSeconds : deps.generalLanguageFallbackSeconds;
      // Agents first: a handful of documents, and with no room anywhere the queue need not be read.
      const { candidates } = await loadAgentPool(deps.agents, departmentIdOf(key), deps.limits);
      if (!candidates.some((candidate) => candidate.load < candidate.capacity)) return;
      // Only what planning reads: whole documents (pre-chat, page, user agent) for up to 500 chats add up.
      const waiting = (await deps.conversations.model
        .find(
          { status: 'queued', departmentId: departmentIdOf(key), offline: { $ne: true } },
          { _id: 1, language: 1, queuedAt: 1, priority: 1 },
        )
        .sort({ priority: -1, queuedAt: 1 })
        .limit(PASS_LIMIT)
        .lean()) as ConversationDocument[];
      if (waiting.length === 0) return;
      const plan: Planned[] = [];
      let retryIn: number | null = null;
      for (const conversation of waiting) {
        if (!candidates.some((candidate) => candidate.load < candidate.capacity)) break;
        const choice = chooseAgent({
          strategy,
          candidates,
          language: conversation.language,
          waitedSeconds: (now.getTime() - conversation.queuedAt.getTime()) / 1000,
          fallbackSeconds,
        });
        if (!choice.agent) {
          if (choice.retryInSeconds !== null) retryIn = Math.min(retryIn ?? Infinity, choice.retryInSeconds);
          continue;
        }
        choice.agent.load += 1;
        choice.agent.lastAssignedAt = new Date(now.getTime() + plan.length);
        plan.push({ conversationId: conversation._id.toHexString(), agentId: choice.agent.id });
      }
      if (retryIn !== null) retryLater(key, retryIn);
      if (plan.length === 0) return;
      const { assigned, stale } = await execute(plan, key);
      if (assigned === 0 && !stale) return;
    }
  }

  async function passExclusively(key: string): Promise<void> {
    await redis.set(dirtyKey(key), '1', 'EX', 60);
    for (;;) {
      const mutex = new ResilientMutex(
        redis,
        lockKey(key),
        {
          lockTimeout: 30_000,
          refreshInterval: 10_000,
          acquireAttemptsLimit: 1,
          onLockLost: (error) => logger.warn({ err: error, queue: key }, 'routing pass lock lost'),
        },
        logger,
      );
      // Someone else is passing over this queue: they will see the dirty flag.
      if (!(await mutex.tryAcquire())) return;
      try {
        while (!stopped && (await redis.del(dirtyKey(key))) === 1) await pass(key);
      } finally {
        await mutex.release().catch((error: unknown) => logger.warn({ err: error }, 'routing lock release failed'));
      }
      // A trigger that set the flag just before we let go found the lock taken: take it again.
      if (stopped || (await redis.exists(dirtyKey(key))) === 0) return;
    }
  }

  /** Routes a queue now (coalesced: concurrent kicks share passes). Never throws. */
  function kick(key: string): Promise<void> {
    if (stopped) return Promise.resolve();
    const current = running.get(key);
    if (current) {
      again.add(key);
      return current;
    }
    const work = (async () => {
      do {
        again.delete(key);
        await passExclusively(key);
      } while (again.has(key));
    })()
      .catch((error: unknown) => logger.error({ err: error, queue: key }, 'routing pass failed'))
      .finally(() => running.delete(key));
    running.set(key, work);
    return work;
  }

  return {
    kick,
    /** Waits for the passes running in this process (graceful stop). */
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of retries.values()) clearTimeout(timer);
      retries.clear();
      await Promise.allSettled([...running.values()]);
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
