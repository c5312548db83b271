import type { Types } from 'mongoose';
import type { AgentModel, AgentRecord } from '../agents/agent.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { limitOf, type CapacityLimits } from './capacity-limits.js';
import type { Candidate } from './strategy.js';

export interface AgentPool {
  records: Map<string, AgentRecord>;
  candidates: Candidate[];
}

/**
 * Online agents who serve a department (everyone for the general queue),
 * with their load counted from the conversations, not from stored counters,
 * and their effective capacity (own, else their departments' default).
 */
export async function loadAgentPool(
  agents: AgentModel,
  conversations: Pick<ConversationsService, 'model'>,
  departmentId: Types.ObjectId | null,
  limits: CapacityLimits,
): Promise<AgentPool> {
  const [online, defaults] = await Promise.all([
    agents.find({ active: true, status: 'online' }).lean<AgentRecord[]>(),
    limits.defaults(),
  ]);
  // Filtered here: FerretDB v1's matching of a scalar against array elements is not relied on.
  const eligible = departmentId
    ? online.filter((agent) => agent.departmentIds.some((id) => id.equals(departmentId)))
    : online;
  const loads = new Map<string, number>();
  if (eligible.length > 0) {
    const rows = await conversations.model.aggregate<{ _id: Types.ObjectId; count: number }>([
      { $match: { status: 'active', agentId: { $in: eligible.map((agent) => agent._id) } } },
      { $group: { _id: '$agentId', count: { $sum: 1 } } },
    ]);
    for (const row of rows) loads.set(row._id.toHexString(), row.count);
  }
  return {
    records: new Map(eligible.map((agent) => [agent._id.toHexString(), agent])),
    candidates: eligible.map((agent) => ({
      id: agent._id.toHexString(),
      languages: agent.languages,
      load: loads.get(agent._id.toHexString()) ?? 0,
      capacity: limitOf(agent, defaults),
      lastAssignedAt: agent.lastAssignedAt ?? null,
    })),
  };
}

/** Free and total slots of a pool, for the wait estimate. */
export function slotsOf(pool: AgentPool): { freeSlots: number; totalSlots: number } {
  let freeSlots = 0;
  let totalSlots = 0;
  for (const candidate of pool.candidates) {
    totalSlots += candidate.capacity;
    freeSlots += Math.max(0, candidate.capacity - candidate.load);
  }
  return { freeSlots, totalSlots };
}
