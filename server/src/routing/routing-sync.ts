import type { Types } from 'mongoose';
import type { AgentRecord } from '../agents/agent.model.js';
import type { RoutingAgentRecord } from '../agents/agent-queries.js';
import type { AgentsService } from '../agents/agents.service.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { Logger } from '../infra/logger.js';
import { limitOf, type CapacityDefaults, type CapacityLimits } from './capacity-limits.js';
import { GENERAL_QUEUE, queueKeyOf } from './queue-keys.js';
import type { RoutableAgent, RoutingState, WaitingChat } from './routing-state.js';

/** A reservation older than this belonged to a process that died before finishing it. */
const STALE_RESERVATION_MS = 60_000;

/** The queues an agent serves: their departments' and the general queue. */
export const queuesOf = (agent: Pick<AgentRecord, 'departmentIds'>): string[] => [
  ...agent.departmentIds.map((id) => id.toHexString()),
  GENERAL_QUEUE,
];

/**
 * Keeps routing's Redis state (routing-state.ts) in step with the database:
 * one agent after a change made on this process, everything when Redis lost
 * it, and a repair from the truth on every routing sweep.
 */
export function createRoutingSync(deps: {
  agents: Pick<AgentsService, 'routingRecord' | 'routingRecords' | 'writeLoads'>;
  conversations: Pick<ConversationsService, 'activeAssignments' | 'queuedForRouting' | 'isQueued'>;
  limits: CapacityLimits;
  state: RoutingState;
  logger: Logger;
}) {
  const { state } = deps;
  const { conversations } = deps;

  const routable = (agent: RoutingAgentRecord, defaults: CapacityDefaults): RoutableAgent => ({
    id: agent._id.toHexString(),
    status: agent.active ? agent.status : 'offline',
    capacity: limitOf(agent, defaults),
    languages: agent.languages,
    displayName: agent.displayName,
    avatarUrl: agent.avatarUrl ?? null,
    lastAssignedAt: agent.lastAssignedAt ?? null,
    queues: agent.active ? queuesOf(agent) : [],
  });

  /**
   * The agent document's load figures (a view for the console) as routing
   * counts them now, written when they differ.
   */
  async function showLoad(agent: RoutingAgentRecord, capacity: number): Promise<void> {
    const id = agent._id.toHexString();
    const counted = await state.agent(id);
    const load = counted.active + counted.reserved;
    const free = Math.max(0, capacity - load);
    if (agent.activeChats === load && agent.freeSlots === free) return;
    await deps.agents.writeLoads([[agent._id, { activeChats: load, freeSlots: free }]]);
  }

  /** Every agent, every active chat and every waiting chat, from the database; resolves to the entries changed. */
  async function repairAll(): Promise<number> {
    const readAt = Date.now();
    const [agents, defaults, active, waiting] = await Promise.all([
      deps.agents.routingRecords(),
      deps.limits.defaults(),
      conversations.activeAssignments(),
      conversations.queuedForRouting(),
    ]);
    const known = new Set(agents.map((agent) => agent._id.toHexString()));
    const byAgent = new Map<string, string[]>();
    for (const chat of active) {
      if (!chat.agentId) continue;
      const id = chat.agentId.toHexString();
      byAgent.set(id, [...(byAgent.get(id) ?? []), chat._id.toHexString()]);
    }
    let changed = 0;
    for (const agent of agents) {
      const view = routable(agent, defaults);
      await state.putAgent(view);
      changed += await state.reconcileAgent(view.id, byAgent.get(view.id) ?? [], readAt, STALE_RESERVATION_MS);
      await showLoad(agent, view.capacity);
    }
    // An agent whose document is gone serves nothing any more.
    for (const id of await state.agentIds()) {
      if (known.has(id)) continue;
      await state.putAgent({ id, status: 'offline', capacity: 0, languages: [], displayName: '', queues: [] });
      changed += await state.reconcileAgent(id, [], readAt, STALE_RESERVATION_MS);
    }
    const byQueue = new Map<string, WaitingChat[]>();
    const offlineByQueue = new Map<string, WaitingChat[]>();
    for (const chat of waiting) {
      const key = queueKeyOf(chat.departmentId);
      if (chat.offline) {
        offlineByQueue.set(key, [
          ...(offlineByQueue.get(key) ?? []),
          { id: chat._id.toHexString(), language: chat.language, queuedAt: chat.queuedAt, priority: 0 },
        ]);
        continue;
      }
      byQueue.set(key, [
        ...(byQueue.get(key) ?? []),
        {
          id: chat._id.toHexString(),
          language: chat.language,
          queuedAt: chat.queuedAt,
          priority: chat.priority,
          avoidAgentId: chat.avoidAgentId?.toHexString() ?? null,
        },
      ]);
    }
    for (const [key, chats] of byQueue) {
      const present = new Set((await state.waiting(key)).map((chat) => chat.id));
      const missing = chats.filter((chat) => !present.has(chat.id));
      // Missing: lost with Redis's data, or left by a process that died mid-claim. Or being
      // assigned right now (claimed, not yet written): read each again so as not to put it back.
      const stillWaiting = await Promise.all(
        missing.map(async (chat) => ((await conversations.isQueued(chat.id)) ? [chat] : [])),
      );
      await state.enqueue(key, stillWaiting.flat());
      changed += stillWaiting.flat().length;
    }
    // Messages left offline are only counted: the set takes each one as the database has it.
    for (const [key, chats] of offlineByQueue) {
      const present = new Set(await state.offlineIds(key));
      changed += chats.filter((chat) => !present.has(chat.id)).length;
      await state.enqueueOffline(key, chats);
    }
    await state.markBuilt();
    return changed;
  }

  let rebuilding: Promise<void> | null = null;

  return {
    repairAll,

    /** Builds the state from the database (Redis lost it); concurrent callers share one build. */
    rebuild(): Promise<void> {
      rebuilding ??= repairAll()
        .then((changed) => deps.logger.warn({ changed }, 'routing state rebuilt from the database'))
        .finally(() => {
          rebuilding = null;
        });
      return rebuilding;
    },

    /** One agent as stored now (after a status, profile, capacity or department change). */
    async syncAgent(agentId: string | Types.ObjectId): Promise<RoutableAgent | null> {
      const agent = await deps.agents.routingRecord(agentId);
      if (!agent) return null;
      const view = routable(agent, agent.capacity === null ? await deps.limits.defaults() : new Map());
      await state.putAgent(view);
      await showLoad(agent, view.capacity);
      return view;
    },

    /** The agents of a department (its default capacity changed, or it was archived). */
    async syncDepartmentAgents(departmentId: string): Promise<void> {
      const [agents, defaults] = await Promise.all([deps.agents.routingRecords(), deps.limits.defaults()]);
      // Filtered here: FerretDB v1's matching of a scalar against array elements is not relied on.
      for (const agent of agents) {
        if (agent.departmentIds.some((id) => id.toHexString() === departmentId)) {
          const view = routable(agent, defaults);
          await state.putAgent(view);
          await showLoad(agent, view.capacity);
        }
      }
    },
  };
}

export type RoutingSync = ReturnType<typeof createRoutingSync>;
