import { AppError } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { AgentsService } from '../agents/agents.service.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { Logger } from '../infra/logger.js';
import type { RoutingState } from './routing-state.js';
import type { RoutingSync } from './routing-sync.js';

export type ClaimOutcome = 'assigned' | 'agent-unavailable' | 'agent-full' | 'conversation-gone';

export interface ClaimResult {
  outcome: ClaimOutcome;
  conversation?: ConversationDocument;
}

/** At most this often an agent's document gets its load written (a view for people; routing counts in Redis). */
const LOAD_WRITE_INTERVAL_MS = 200;

const gone = (error: unknown) => error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND');

/**
 * Agent capacity: a slot is reserved in Redis before the conversation is
 * taken (routing-state.ts, atomically with the check that there is room)
 * and committed or given back once the database says whether the chat was
 * taken, so no agent ever goes over capacity, across processes.
 *
 * The agent document's `activeChats` and `freeSlots` are a view for the
 * console, written behind every change (at most every
 * {@link LOAD_WRITE_INTERVAL_MS} per agent) and by the routing sweep.
 */
export function createCapacity(deps: {
  agents: Pick<AgentsService, 'writeLoads'>;
  state: RoutingState;
  sync: RoutingSync;
  logger: Logger;
}) {
  const { state } = deps;
  const pendingLoads = new Map<string, { load: number; capacity: number; assignedAt?: Date }>();
  let timer: NodeJS.Timeout | null = null;

  async function writeLoads(): Promise<void> {
    timer = null;
    const batch = [...pendingLoads.entries()];
    pendingLoads.clear();
    if (batch.length === 0) return;
    await deps.agents
      .writeLoads(
        batch.map(([id, { load, capacity, assignedAt }]) => [
          id,
          {
            activeChats: load,
            freeSlots: Math.max(0, capacity - load),
            ...(assignedAt ? { lastAssignedAt: assignedAt } : {}),
          },
        ]),
      )
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'agent load view not written; the sweep will'));
  }

  /** Records an agent's load for their document (coalesced, written shortly). */
  function loadChanged(agentId: string, figures: { load: number; capacity: number }, assigned = false): void {
    const before = pendingLoads.get(agentId);
    pendingLoads.set(agentId, {
      ...figures,
      ...(assigned ? { assignedAt: new Date() } : before?.assignedAt ? { assignedAt: before.assignedAt } : {}),
    });
    if (!timer) {
      timer = setTimeout(() => void writeLoads(), LOAD_WRITE_INTERVAL_MS);
      timer.unref();
    }
  }

  return {
    loadChanged,

    /**
     * Claims one slot of `agentId` for `take`, which must hand the
     * conversation to that agent or throw CONFLICT when it is no longer there
     * to take. `need`: routing offers chats only to online agents; a manual
     * pickup only needs them not offline. `queue`: the queue the chat waits
     * in, which it leaves (none for a transfer of an active chat).
     */
    async claim(
      agentId: string,
      conversationId: string,
      options: { need: 'online' | 'present'; queue: string | null },
      take: () => Promise<ConversationDocument>,
    ): Promise<ClaimResult> {
      let reserved = await state.claimOne(agentId, conversationId, options);
      if (reserved.outcome === 'rebuild') {
        await deps.sync.rebuild();
        reserved = await state.claimOne(agentId, conversationId, options);
      }
      // The database is the record of an agent's status: a status change made a moment ago on
      // another process may not be mirrored yet. Look there once before refusing.
      if (reserved.outcome === 'agent-unavailable' && (await deps.sync.syncAgent(agentId))) {
        reserved = await state.claimOne(agentId, conversationId, options);
      }
      if (reserved.outcome === 'agent-unavailable' || reserved.outcome === 'agent-full') {
        return { outcome: reserved.outcome };
      }
      if (reserved.outcome !== 'ok') throw new AppError('STORE_UNAVAILABLE', 'Routing is rebuilding; retry shortly.');
      let conversation: ConversationDocument;
      try {
        conversation = await take();
      } catch (error) {
        await state.cancel(agentId, conversationId, { previousLast: reserved.previousLast });
        if (gone(error)) return { outcome: 'conversation-gone' };
        throw error;
      }
      loadChanged(agentId, await state.commit(agentId, conversationId), true);
      return { outcome: 'assigned', conversation };
    },

    /** An agent was given a chat outside routing (a supervisor's take-over): their load counts it. */
    async hold(agentId: string, conversationId: string): Promise<void> {
      loadChanged(agentId, await state.commit(agentId, conversationId, false), true);
    },

    /** A chat left its agent (closed, transferred, requeued): their slot is free again. */
    async release(agentId: string | Types.ObjectId, conversationId: string | Types.ObjectId): Promise<void> {
      const id = typeof agentId === 'string' ? agentId : agentId.toHexString();
      const chat = typeof conversationId === 'string' ? conversationId : conversationId.toHexString();
      loadChanged(id, await state.release(id, chat));
    },

    /** Writes the loads recorded so far (graceful stop). */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      await writeLoads();
    },
  };
}

export type Capacity = ReturnType<typeof createCapacity>;
