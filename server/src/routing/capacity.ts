import { AppError } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { AgentModel, AgentRecord } from '../agents/agent.model.js';
import { agentLockKey } from '../agents/agents.service.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { DocumentLocks } from '../infra/document-lock.js';
import { limitOf, type CapacityLimits } from './capacity-limits.js';
import type { Clock } from './clock.js';

export type ClaimOutcome = 'assigned' | 'agent-unavailable' | 'agent-full' | 'conversation-gone';

export interface ClaimResult {
  outcome: ClaimOutcome;
  conversation?: ConversationDocument;
}

/**
 * Agent capacity (R2, R3). A claim runs under the agent's document lock and
 * counts the agent's active conversations from the conversations collection
 * itself: the only writer that adds to that count is a claim, and claims of
 * one agent are serialized by the lock, so "count < capacity" checked there
 * stays true until the claim's own assignment lands. The conversation is
 * then taken under its own lock (`conversations.assign` refuses a chat that
 * is no longer waiting), so no chat is assigned twice and no agent goes over
 * capacity, on MongoDB and on FerretDB (whose conditional updates are not
 * atomic, see docs/consistency.md).
 *
 * `activeChats` / `freeSlots` on the agent are rewritten from that count after
 * every claim, release and sweep: a view for supervisors and a hint for
 * ranking, never what a claim trusts. Because they are recomputed rather than
 * `$inc`ed, there is nothing to undo when the conversation claim fails and
 * nothing that can drift.
 */
export function createCapacity(deps: {
  agents: AgentModel;
  conversations: Pick<ConversationsService, 'model'>;
  locks: DocumentLocks;
  clock: Clock;
  limits: CapacityLimits;
}) {
  const { agents, locks, clock, limits } = deps;
  const Conversation = deps.conversations.model;

  const countActive = (agentId: Types.ObjectId) => Conversation.countDocuments({ agentId, status: 'active' });

  const writeLoad = (agent: AgentRecord, limit: number, active: number, extra: Record<string, unknown> = {}) =>
    agents.updateOne(
      { _id: agent._id },
      { $set: { activeChats: active, freeSlots: Math.max(0, limit - active), ...extra } },
    );

  return {
    countActive,

    /**
     * Claims one slot of `agentId` for `take`, which must hand the
     * conversation to that agent or throw CONFLICT when the conversation is no
     * longer there to take. `requireOnline`: routing offers chats only to
     * online agents; a manual pickup or transfer target only must not be offline.
     */
    async claim(
      agentId: string,
      options: { requireOnline: boolean },
      take: (agent: AgentRecord) => Promise<ConversationDocument>,
    ): Promise<ClaimResult> {
      return locks.run(agentLockKey(agentId), async () => {
        const agent = await agents.findById(agentId).lean<AgentRecord>();
        const available = options.requireOnline ? agent?.status === 'online' : agent?.status !== 'offline';
        if (!agent?.active || !available) return { outcome: 'agent-unavailable' };
        const [active, limit] = await Promise.all([countActive(agent._id), limits.of(agent)]);
        if (active >= limit) {
          await writeLoad(agent, limit, active);
          return { outcome: 'agent-full' };
        }
        let conversation: ConversationDocument;
        try {
          conversation = await take(agent);
        } catch (error) {
          if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
            await writeLoad(agent, limit, active);
            return { outcome: 'conversation-gone' };
          }
          throw error;
        }
        await writeLoad(agent, limit, active + 1, { lastAssignedAt: clock.now() });
        return { outcome: 'assigned', conversation };
      });
    },

    /**
     * Routing's claim of several waiting chats for one agent, in order, under
     * one hold of the agent's lock: the agent is read, counted and limited
     * once, every assignment then adds one to that count (no one else can
     * while we hold the lock), and the counters are written once. The same
     * guarantees as {@link claim}, for a fraction of the database round trips.
     * Stops at the first chat that does not fit (agent gone or full); chats
     * taken meanwhile by someone else are skipped.
     */
    async claimMany(
      agentId: string,
      conversationIds: readonly string[],
      take: (agent: AgentRecord, conversationId: string) => Promise<ConversationDocument>,
    ): Promise<{ assigned: ConversationDocument[]; stopped: Exclude<ClaimOutcome, 'assigned'> | null }> {
      return locks.run(agentLockKey(agentId), async () => {
        const agent = await agents.findById(agentId).lean<AgentRecord>();
        if (!agent?.active || agent.status !== 'online') return { assigned: [], stopped: 'agent-unavailable' as const };
        const [counted, limit] = await Promise.all([countActive(agent._id), limits.of(agent)]);
        const assigned: ConversationDocument[] = [];
        let stopped: 'agent-full' | null = null;
        try {
          for (const conversationId of conversationIds) {
            if (counted + assigned.length >= limit) {
              stopped = 'agent-full';
              break;
            }
            try {
              assigned.push(await take(agent, conversationId));
            } catch (error) {
              if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) continue;
              throw error;
            }
          }
        } finally {
          // Also when a take failed midway: the counters then show what did land.
          const extra = assigned.length > 0 ? { lastAssignedAt: clock.now() } : {};
          await writeLoad(agent, limit, counted + assigned.length, extra);
        }
        return { assigned, stopped };
      });
    },

    /** Re-counts one agent's load (after a close or a transfer away). */
    async recount(agentId: string | Types.ObjectId): Promise<void> {
      const id = typeof agentId === 'string' ? agentId : agentId.toHexString();
      await locks.run(agentLockKey(id), async () => {
        const agent = await agents.findById(id).lean<AgentRecord>();
        if (agent) await writeLoad(agent, await limits.of(agent), await countActive(agent._id));
      });
    },

    /**
     * The sweep's repair: agents whose stored counters differ from the
     * conversations (a crash between assign and the counter write, a capacity
     * or department-default change, a chat assigned outside routing) are re-counted under their lock.
     * Returns how many were repaired.
     */
    async repairAll(): Promise<number> {
      const rows = await Conversation.aggregate<{ _id: Types.ObjectId | null; count: number }>([
        { $match: { status: 'active' } },
        { $group: { _id: '$agentId', count: { $sum: 1 } } },
      ]);
      const truth = new Map(rows.flatMap((row) => (row._id ? [[row._id.toHexString(), row.count] as const] : [])));
      const [all, defaults] = await Promise.all([
        agents
          .find({ active: true }, { capacity: 1, departmentIds: 1, activeChats: 1, freeSlots: 1 })
          .lean<Pick<AgentRecord, '_id' | 'capacity' | 'departmentIds' | 'activeChats' | 'freeSlots'>[]>(),
        limits.defaults(),
      ]);
      let repaired = 0;
      for (const agent of all) {
        const active = truth.get(agent._id.toHexString()) ?? 0;
        const limit = limitOf(agent, defaults);
        if (agent.activeChats === active && agent.freeSlots === Math.max(0, limit - active)) continue;
        await this.recount(agent._id);
        repaired += 1;
      }
      return repaired;
    },
  };
}

export type Capacity = ReturnType<typeof createCapacity>;
