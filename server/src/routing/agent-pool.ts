import type { Types } from 'mongoose';
import type { AgentModel, AgentRecord } from '../agents/agent.model.js';
import { limitOf, type CapacityLimits } from './capacity-limits.js';
import type { Candidate } from './strategy.js';

export interface AgentPool {
  candidates: Candidate[];
}

/** What planning reads of an agent: no profile, no password hash. */
const POOL_FIELDS = { languages: 1, capacity: 1, departmentIds: 1, activeChats: 1, lastAssignedAt: 1 } as const;
type PoolAgent = Pick<AgentRecord, '_id' | keyof typeof POOL_FIELDS>;

/**
 * Online agents who serve a department (everyone for the general queue),
 * with their load and effective capacity (own, else their departments'
 * default). The load is the agent's stored `activeChats`, which a claim
 * raises before it takes a chat and every release re-counts (capacity.ts):
 * one read of a few agents instead of counting every live chat, which on
 * FerretDB means scanning them, several times a second while a queue is
 * busy. It is a plan, not a promise: the claim reads the agent again under
 * its lock and refuses one who is full; routing then plans again.
 */
export async function loadAgentPool(
  agents: AgentModel,
  departmentId: Types.ObjectId | null,
  limits: CapacityLimits,
): Promise<AgentPool> {
  const [online, defaults] = await Promise.all([
    agents.find({ active: true, status: 'online' }, POOL_FIELDS).lean<PoolAgent[]>(),
    limits.defaults(),
  ]);
  // Filtered here: FerretDB v1's matching of a scalar against array elements is not relied on.
  const eligible = departmentId
    ? online.filter((agent) => agent.departmentIds.some((id) => id.equals(departmentId)))
    : online;
  return {
    candidates: eligible.map((agent) => ({
      id: agent._id.toHexString(),
      languages: agent.languages,
      load: agent.activeChats ?? 0,
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
