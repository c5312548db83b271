import type { z } from 'zod';
import type { reportQuerySchema } from './schemas/reports.js';

/** The longest range one report covers: a year and a day (a leap year's worth). */
export const MAX_REPORT_DAYS = 366;

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/**
 * The figures of one group of chats. Durations are seconds to one decimal. Medians of
 * an even count average the two middle values; p90 is the nearest-rank
 * percentile (the smallest value at least 90 % of the values do not exceed).
 */
export interface ReportFigures {
  /** Live chats started in the range (offline messages are counted apart). */
  chats: number;
  /** Messages left through the offline form. */
  offlineMessages: number;
  /** From entering the queue to the first agent reply, over the chats that got one. */
  firstResponse: { count: number; medianSeconds: number | null; p90Seconds: number | null };
  /** From assignment to close, over the closed chats an agent handled. */
  handling: { count: number; medianSeconds: number | null };
  /** Closed without ever reaching an agent. */
  abandoned: number;
  /** Customers' ratings (1–5); `average` rounded to two decimals. */
  satisfaction: { count: number; average: number | null };
  /** Transcript emails of these chats by their delivery state now. */
  transcripts: { sent: number; failed: number };
}

export interface DepartmentReportRow extends ReportFigures {
  /** Null: chats no department served (the general queue). */
  departmentId: string | null;
  name: string;
}

/** Chats are counted for the agent who had them at the end (a transfer moves them). */
export interface AgentReportRow extends ReportFigures {
  agentId: string;
  name: string;
}

export interface ReportView {
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  totals: ReportFigures;
  departments: DepartmentReportRow[];
  agents: AgentReportRow[];
  /** Every day of the range in `timeZone`, with the live chats started that day. */
  days: { date: string; chats: number }[];
}
