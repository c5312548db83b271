import type { Types } from 'mongoose';
import type { AgentModel, AgentRecord } from './agent.model.js';

/** What routing reads of an agent: no profile, no password hash. */
const ROUTING_FIELDS = {
  status: 1,
  active: 1,
  capacity: 1,
  departmentIds: 1,
  languages: 1,
  displayName: 1,
  avatarUrl: 1,
  lastAssignedAt: 1,
  activeChats: 1,
  freeSlots: 1,
} as const;
export type RoutingAgentRecord = Pick<AgentRecord, '_id' | keyof typeof ROUTING_FIELDS>;

/** What the supervisors' board shows of an agent. */
const BOARD_FIELDS = { displayName: 1, role: 1, status: 1, capacity: 1, departmentIds: 1 } as const;
export type BoardAgentRecord = Pick<AgentRecord, '_id' | keyof typeof BOARD_FIELDS>;

/** An agent's load as the console shows it (routing counts in Redis; this is the view written behind). */
export interface LoadFigures {
  activeChats: number;
  freeSlots: number;
  /** The latest assignment among those counted: kept if an earlier write recorded a later one. */
  lastAssignedAt?: Date;
}

/**
 * The reads and writes other features make of agents (routing, the
 * supervisors' board and lists, the desk's queue pushes, the demo departments), each with only the fields it needs.
 */
export function createAgentQueries(Agent: AgentModel) {
  return {
    /** The departments an agent serves; null for an unknown agent. */
    async departmentIdsOf(agentId: string): Promise<Types.ObjectId[] | null> {
      return (await Agent.findById(agentId, { departmentIds: 1 }).lean())?.departmentIds ?? null;
    },

    /** One agent as routing sees it. */
    async routingRecord(agentId: string | Types.ObjectId): Promise<RoutingAgentRecord | null> {
      return await Agent.findById(agentId, ROUTING_FIELDS).lean<RoutingAgentRecord>();
    },

    /** Every agent (active or not) as routing sees them. */
    async routingRecords(): Promise<RoutingAgentRecord[]> {
      return await Agent.find({}, ROUTING_FIELDS).lean<RoutingAgentRecord[]>();
    },

    /** Writes the load figures of many agents in one command (unordered: one failure stops no other). */
    async writeLoads(loads: [agentId: string | Types.ObjectId, figures: LoadFigures][]): Promise<void> {
      if (loads.length === 0) return;
      await Agent.bulkWrite(
        loads.map(([id, { activeChats, freeSlots, lastAssignedAt }]) => ({
          updateOne: {
            filter: { _id: id },
            update: {
              $set: { activeChats, freeSlots },
              ...(lastAssignedAt ? { $max: { lastAssignedAt } } : {}),
            },
          },
        })),
        { ordered: false },
      );
    },

    /** The active agents, by name, as the board shows them. */
    async boardRecords(): Promise<BoardAgentRecord[]> {
      return await Agent.find({ active: true }, BOARD_FIELDS).sort({ displayName: 1 }).lean<BoardAgentRecord[]>();
    },

    /** The ids of the active agents who serve a department. */
    activeIdsIn: async (departmentId: Types.ObjectId | string): Promise<string[]> =>
      (await Agent.find({ departmentIds: departmentId, active: true }, { _id: 1 }).lean()).map((agent) =>
        agent._id.toHexString(),
      ),

    /** Development only: places the agent with this email in these departments too (one write, `$addToSet`). */
    async addToDepartments(email: string, departmentIds: Types.ObjectId[]): Promise<void> {
      await Agent.updateOne({ email }, { $addToSet: { departmentIds: { $each: departmentIds } } });
    },

    /** Display names by agent id (unknown ids are left out). */
    async namesOf(ids: (Types.ObjectId | string)[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const found = await Agent.find({ _id: { $in: ids } }, { displayName: 1 }).lean();
      return new Map(found.map((agent) => [agent._id.toHexString(), agent.displayName]));
    },
  };
}

export type AgentQueries = ReturnType<typeof createAgentQueries>;
