import { IDLE_REASONS, type BoardAgent, type BoardDepartment, type BoardSnapshot } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { AgentModel, AgentRecord } from '../agents/agent.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { limitOf } from '../routing/capacity-limits.js';
import type { RoutingService } from '../routing/routing.service.js';

interface CountRow {
  _id: Types.ObjectId | null;
  count: number;
}

const byKey = (rows: CountRow[]) => new Map(rows.map((row) => [row._id?.toHexString() ?? null, row.count]));

/**
 * The live board, computed from the database alone (never from this
 * process's memory), so any server process computes the same figures. The
 * queue figures are routing's own (`queue.stats`); chats in progress, idle
 * counts and agents' loads come from `$group` counts over the live
 * conversations, the aggregation FerretDB supports.
 */
export function createBoard(deps: {
  agents: AgentModel;
  conversations: Pick<ConversationsService, 'model'>;
  routing: Pick<RoutingService, 'stats' | 'limits'>;
}) {
  const Conversation = deps.conversations.model;

  const countActive = (groupBy: '$departmentId' | '$agentId', extra: Record<string, unknown> = {}) =>
    Conversation.aggregate<CountRow>([
      { $match: { status: 'active', ...extra } },
      { $group: { _id: groupBy, count: { $sum: 1 } } },
    ]);

  return {
    /** `shared`: for a push, which may take the queue figures another push just read. */
    async snapshot(options: { shared?: boolean } = {}): Promise<BoardSnapshot> {
      const [stats, perDepartment, records, capacityDefaults] = await Promise.all([
        deps.routing.stats(options),
        countActive('$departmentId'),
        deps.agents
          .find({ active: true }, { displayName: 1, role: 1, status: 1, capacity: 1, departmentIds: 1 })
          .sort({ displayName: 1 })
          .lean<Pick<AgentRecord, '_id' | 'displayName' | 'role' | 'status' | 'capacity' | 'departmentIds'>[]>(),
        deps.routing.limits.defaults(),
      ]);
      // Per agent, matched on the agents' ids as routing's own load count does: FerretDB
      // left the plain `$group` by `$agentId` over every active chat empty on seeded data.
      const agentIds = { agentId: { $in: records.map((record) => record._id) } };
      const [perAgent, idlePerAgent] = await Promise.all([
        countActive('$agentId', agentIds),
        countActive('$agentId', { ...agentIds, 'idle.reason': { $in: [...IDLE_REASONS] } }),
      ]);
      const activeByDepartment = byKey(perDepartment);
      const loadByAgent = byKey(perAgent);
      const idleByAgent = byKey(idlePerAgent);
      const agents: BoardAgent[] = records
        .map((record) => {
          const id = record._id.toHexString();
          return {
            id,
            displayName: record.displayName,
            role: record.role,
            status: record.status,
            load: loadByAgent.get(id) ?? 0,
            // Effective capacity: own, else the departments' default (routing's rule).
            capacity: limitOf(record, capacityDefaults),
            departmentIds: record.departmentIds.map((department) => department.toHexString()),
            idleChats: idleByAgent.get(id) ?? 0,
          };
        })
        // Offline agents matter only while they still hold chats (someone must pick those up).
        .filter((agent) => agent.status !== 'offline' || agent.load > 0);
      const departments: BoardDepartment[] = stats.departments.map((queue) => ({
        ...queue,
        activeChats: activeByDepartment.get(queue.departmentId) ?? 0,
        agentsAway: agents.filter(
          (agent) =>
            agent.status === 'away' &&
            (queue.departmentId === null || agent.departmentIds.includes(queue.departmentId)),
        ).length,
      }));
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      return {
        departments,
        agents,
        totals: {
          queued: sum(departments.map((department) => department.queued)),
          offlineWaiting: sum(departments.map((department) => department.offlineWaiting)),
          activeChats: sum(perDepartment.map((row) => row.count)),
          idle: sum(idlePerAgent.map((row) => row.count)),
          agentsOnline: agents.filter((agent) => agent.status === 'online').length,
          agentsAway: agents.filter((agent) => agent.status === 'away').length,
        },
        at: stats.at,
      };
    },
  };
}

export type Board = ReturnType<typeof createBoard>;
