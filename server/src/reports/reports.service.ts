import type { AgentReportRow, DepartmentReportRow, ReportQuery, ReportView } from '@switchboard/shared';
import { Types, type Connection, type QueryFilter } from 'mongoose';
import type { AgentsService } from '../agents/agents.service.js';
import { conversationModels, type ConversationDocument } from '../conversations/conversation.model.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import { deliveryModel } from '../transcripts/transcript-delivery.model.js';
import { FiguresAccumulator, type ReportedConversation, type TranscriptCounts } from './report-accumulator.js';
import { datesBetween, localDate, reportWindow } from './report-range.js';

const BATCH = 500;
const PROJECTION = {
  status: 1,
  offline: 1,
  departmentId: 1,
  agentId: 1,
  createdAt: 1,
  queuedAt: 1,
  assignedAt: 1,
  firstAgentReplyAt: 1,
  closedAt: 1,
  'satisfaction.rating': 1,
};

const GENERAL_QUEUE = 'general';

/**
 * Reports over the chats started in a range of local days. FerretDB v1
 * has no $avg, $cond, date operators or percentiles, so the conversations of
 * the range are streamed with a cursor (one batch in memory at a time; only
 * the raw durations are kept, as numbers, for medians and p90) and each
 * batch's transcript log is read with one `$in` query. Every figure is
 * therefore exact and reflects the data now (a late rating or a transcript
 * retried since is counted), with no counters to drift or backfill.
 */
export function createReportsService(deps: {
  mongo: Connection;
  departments: Pick<DepartmentsService, 'list'>;
  agents: Pick<AgentsService, 'list'>;
}) {
  const { Conversation } = conversationModels(deps.mongo);
  const Delivery = deliveryModel(deps.mongo);

  async function transcriptsOf(ids: Types.ObjectId[]): Promise<Map<string, TranscriptCounts>> {
    const counts = new Map<string, TranscriptCounts>();
    const deliveries = await Delivery.find(
      { conversationId: { $in: ids }, status: { $in: ['sent', 'failed'] } },
      { conversationId: 1, status: 1 },
    ).lean();
    for (const delivery of deliveries) {
      const key = delivery.conversationId.toHexString();
      const entry = counts.get(key) ?? { sent: 0, failed: 0 };
      if (delivery.status === 'sent') entry.sent += 1;
      else entry.failed += 1;
      counts.set(key, entry);
    }
    return counts;
  }

  return {
    async build(query: ReportQuery): Promise<ReportView> {
      const { start, end } = reportWindow(query.from, query.to, query.timeZone);
      const filter: QueryFilter<ConversationDocument> = { createdAt: { $gte: start, $lt: end } };
      if (query.departmentId) filter.departmentId = new Types.ObjectId(query.departmentId);

      const totals = new FiguresAccumulator();
      const byDepartment = new Map<string, FiguresAccumulator>();
      const byAgent = new Map<string, FiguresAccumulator>();
      const chatsPerDay = new Map<string, number>(datesBetween(query.from, query.to).map((date) => [date, 0]));
      const groupOf = (groups: Map<string, FiguresAccumulator>, key: string) => {
        let group = groups.get(key);
        if (!group) groups.set(key, (group = new FiguresAccumulator()));
        return group;
      };

      const flush = async (batch: ReportedConversation[]) => {
        const transcripts = await transcriptsOf(batch.map((c) => new Types.ObjectId(c._id.toHexString())));
        for (const conversation of batch) {
          const counts = transcripts.get(conversation._id.toHexString()) ?? { sent: 0, failed: 0 };
          totals.add(conversation, counts);
          groupOf(byDepartment, conversation.departmentId?.toHexString() ?? GENERAL_QUEUE).add(conversation, counts);
          if (conversation.agentId) groupOf(byAgent, conversation.agentId.toHexString()).add(conversation, counts);
          if (!conversation.offline) {
            const day = localDate(conversation.createdAt, query.timeZone);
            chatsPerDay.set(day, (chatsPerDay.get(day) ?? 0) + 1);
          }
        }
      };

      let batch: ReportedConversation[] = [];
      const cursor = Conversation.find(filter, PROJECTION).lean<ReportedConversation>().cursor({ batchSize: BATCH });
      for await (const conversation of cursor) {
        batch.push(conversation);
        if (batch.length >= BATCH) {
          await flush(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await flush(batch);

      const [departments, agents] = await Promise.all([
        deps.departments.list({ includeArchived: true }),
        deps.agents.list(),
      ]);
      const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
      const agentNames = new Map(agents.map((a) => [a.id, a.displayName]));
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

      const departmentRows: DepartmentReportRow[] = [...byDepartment].map(([id, group]) => ({
        departmentId: id === GENERAL_QUEUE ? null : id,
        name: id === GENERAL_QUEUE ? 'General queue' : (departmentNames.get(id) ?? `Department ${id}`),
        ...group.figures(),
      }));
      const agentRows: AgentReportRow[] = [...byAgent].map(([id, group]) => ({
        agentId: id,
        name: agentNames.get(id) ?? `Agent ${id}`,
        ...group.figures(),
      }));
      return {
        from: query.from,
        to: query.to,
        timeZone: query.timeZone,
        generatedAt: new Date().toISOString(),
        totals: totals.figures(),
        departments: departmentRows.sort(byName),
        agents: agentRows.sort(byName),
        days: [...chatsPerDay].map(([date, chats]) => ({ date, chats })),
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
