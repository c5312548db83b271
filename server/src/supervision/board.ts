import type { BoardAgent, BoardDepartment, BoardSnapshot } from '@switchboard/shared';
import type { AgentsService } from '../agents/agents.service.js';
import type { CountRow } from '../conversations/conversation-queries.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { limitOf } from '../routing/capacity-limits.js';
import type { RoutingService } from '../routing/routing.service.js';

const byKey = (rows: CountRow[]) => new Map(rows.map((row) => [row._id?.toHexString() ?? null, row.count]));

/**
 * The live board, computed from the database alone (never from this
 * process's memory), so any server process computes the same figures. The
 * queue figures are routing's own (`queue.stats`); chats in progress, idle
 * counts and agents' loads come from `$group` counts over the live
 * conversations, the aggregation FerretDB supports.
 */
export function createBoard(deps: {
  agents: Pick<AgentsService, 'boardRecords'>;
  conversations: Pick<ConversationsService, 'activeCountByDepartment' | 'activeCountByAgent'>;
  routing: Pick<RoutingService, 'stats' | 'limits'>;
}) {
  const { conversations } = deps;

  return {
    /** `shared`: for a push, which may take the queue figures another push just read. */
    async snapshot(options: { shared?: boolean } = {}): Promise<BoardSnapshot> {
      const [stats, perDepartment, records, capacityDefaults] = await Promise.all([
        deps.routing.stats(options),
        conversations.activeCountByDepartment(),
        deps.agents.boardRecords(),
        deps.routing.limits.defaults(),
      ]);
      // Per agent, matched on the agents' ids as routing's own load count does.
      const agentIds = records.map((record) => record._id);
      const [perAgent, idlePerAgent] = await Promise.all([
        conversations.activeCountByAgent(agentIds),
        conversations.activeCountByAgent(agentIds, { idleOnly: true }),
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
