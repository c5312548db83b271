import type { AgentReportRow, DepartmentReportRow, ReportQuery, ReportView } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { AgentsService } from '../agents/agents.service.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { TranscriptsService } from '../transcripts/transcripts.service.js';
import { FiguresAccumulator, type ReportedConversation, type TranscriptCounts } from './report-accumulator.js';
import { datesBetween, localDate, reportWindow } from './report-range.js';

const BATCH = 500;

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
  conversations: Pick<ConversationsService, 'reportRecords'>;
  transcripts: Pick<TranscriptsService, 'finishedDeliveriesOf'>;
  departments: Pick<DepartmentsService, 'list'>;
  agents: Pick<AgentsService, 'list'>;
}) {
  async function transcriptsOf(ids: Types.ObjectId[]): Promise<Map<string, TranscriptCounts>> {
    const counts = new Map<string, TranscriptCounts>();
    const deliveries = await deps.transcripts.finishedDeliveriesOf(ids);
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
      const window = {
        start,
        end,
        ...(query.departmentId ? { departmentId: new Types.ObjectId(query.departmentId) } : {}),
      };

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
      for await (const conversation of deps.conversations.reportRecords(window, BATCH)) {
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
