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
 * Agent capacity (R2, R3), claimed before the conversation and given back if
 * the conversation cannot be taken (issue 4 item 4). Under the agent's
 * document lock a claim reads the agent's `activeChats`, refuses when it has
 * reached the limit, writes the reservation (`activeChats + n`), and only
 * then takes the conversations (`conversations.assign` refuses a chat that is
 * no longer waiting, under the chat's own lock); what it could not take it
 * gives back in the same lock hold. So the stored count is never below the
 * truth: a process that dies between reserving and taking leaves it one too
 * high (a slot unused until the next re-count), never one too low, and no
 * agent goes over capacity, on MongoDB and on FerretDB (whose conditional
 * updates are not atomic, see docs/consistency.md).
 *
 * Counting the agent's live chats instead would be a scan of every
 * conversation on FerretDB, once per claim. The truth is counted where a
 * chat leaves an agent (close, transfer, requeue: `recount`) and by the
 * sweep (`repairAll`), which also frees a slot a dead process left reserved.
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

  /**
   * Under the agent's lock: reserves up to `wanted` slots, lets `take` fill
   * them (it returns how many it took), and gives back what it did not take,
   * also when it throws midway (`took` then counts what had landed).
   */
  async function withReservation(
    agent: AgentRecord,
    wanted: number,
    take: (slots: number, landed: (count: number) => void) => Promise<void>,
  ): Promise<{ slots: number; took: number }> {
    const limit = await limits.of(agent);
    const active = agent.activeChats ?? 0;
    const slots = Math.max(0, Math.min(wanted, limit - active));
    if (slots === 0) return { slots, took: 0 };
    await writeLoad(agent, limit, active + slots, { lastAssignedAt: clock.now() });
    let took = 0;
    try {
      await take(slots, (count) => {
        took = count;
      });
    } finally {
      // The slots not filled go back, and with none filled the agent's place in the rotation too.
      if (took < slots) {
        await writeLoad(agent, limit, active + took, took > 0 ? {} : { lastAssignedAt: agent.lastAssignedAt ?? null });
      }
    }
    return { slots, took };
  }

  const gone = (error: unknown) =>
    error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND');

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
        let conversation: ConversationDocument | undefined;
        const { slots } = await withReservation(agent, 1, async (_slots, landed) => {
          try {
            conversation = await take(agent);
            landed(1);
          } catch (error) {
            if (!gone(error)) throw error;
          }
        });
        if (slots === 0) return { outcome: 'agent-full' };
        return conversation ? { outcome: 'assigned', conversation } : { outcome: 'conversation-gone' };
      });
    },

    /**
     * Routing's claim of several waiting chats for one agent, in order, under
     * one hold of the agent's lock: the agent is read and limited once, the
     * batch's slots reserved in one write and what was not taken given back
     * in one more. The same guarantees as {@link claim}, for a fraction of the
     * database round trips. `stopped` says the agent could not take the whole
     * batch (full, or gone); chats taken meanwhile by someone else are skipped.
     */
    async claimMany(
      agentId: string,
      conversationIds: readonly string[],
      take: (agent: AgentRecord, conversationId: string) => Promise<ConversationDocument>,
    ): Promise<{ assigned: ConversationDocument[]; stopped: Exclude<ClaimOutcome, 'assigned'> | null }> {
      return locks.run(agentLockKey(agentId), async () => {
        const agent = await agents.findById(agentId).lean<AgentRecord>();
        if (!agent?.active || agent.status !== 'online') return { assigned: [], stopped: 'agent-unavailable' as const };
        const assigned: ConversationDocument[] = [];
        const { slots } = await withReservation(agent, conversationIds.length, async (slots, landed) => {
          for (const conversationId of conversationIds) {
            if (assigned.length >= slots) break;
            try {
              assigned.push(await take(agent, conversationId));
              landed(assigned.length);
            } catch (error) {
              if (!gone(error)) throw error;
            }
          }
        });
        return { assigned, stopped: slots < conversationIds.length ? 'agent-full' : null };
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
