import type { ReportFigures, ReportView } from '@switchboard/shared';
import { stringify } from 'csv-stringify/sync';

export const REPORT_CSV_COLUMNS = [
  'scope',
  'id',
  'name',
  'chats',
  'offline_messages',
  'first_response_count',
  'first_response_median_seconds',
  'first_response_p90_seconds',
  'handling_count',
  'handling_median_seconds',
  'abandoned',
  'satisfaction_count',
  'satisfaction_average',
  'transcripts_sent',
  'transcripts_failed',
] as const;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at
 * the start) gets a leading apostrophe: names are typed by people (OWASP's
 * CSV-injection advice). Numbers are written as they are.
 */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const blank = (value: number | null) => value ?? '';

function figureCells(figures: ReportFigures) {
  return [
    figures.chats,
    figures.offlineMessages,
    figures.firstResponse.count,
    blank(figures.firstResponse.medianSeconds),
    blank(figures.firstResponse.p90Seconds),
    figures.handling.count,
    blank(figures.handling.medianSeconds),
    figures.abandoned,
    figures.satisfaction.count,
    blank(figures.satisfaction.average),
    figures.transcripts.sent,
    figures.transcripts.failed,
  ];
}

/** The report as one CSV: a totals row, then a row per department, per agent and per day (chats only). */
export function reportCsv(report: ReportView): string {
  const rows: (string | number)[][] = [
    ['total', '', `${report.from} – ${report.to} (${report.timeZone})`, ...figureCells(report.totals)],
    ...report.departments.map((row) => ['department', row.departmentId ?? '', safeText(row.name), ...figureCells(row)]),
    ...report.agents.map((row) => ['agent', row.agentId, safeText(row.name), ...figureCells(row)]),
    // Every record as wide as the header (RFC 4180): a day has chats only.
    ...report.days.map((day) => [
      'day',
      day.date,
      day.date,
      day.chats,
      ...Array<string>(REPORT_CSV_COLUMNS.length - 4).fill(''),
    ]),
  ];
  // csv-stringify quotes cells with separators, quotes or line breaks and doubles inner quotes (RFC 4180).
  return stringify(rows, { header: true, columns: [...REPORT_CSV_COLUMNS], bom: true, record_delimiter: 'windows' });
}
