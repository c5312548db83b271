import type { DepartmentView, ReportFigures, ReportView } from '@switchboard/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { api } from '../../api/rest.js';
import { t } from '../../i18n/console.js';
import { useAdminRequest } from '../admin/admin-request.js';
import { FormErrorView } from '../admin/FormErrorView.js';
import '../admin/admin.css';
import { ConsoleSection } from '../ConsoleSection.js';

const localToday = () => new Date().toLocaleDateString('en-CA');
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toLocaleDateString('en-CA');
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const duration = (seconds: number | null) => {
  if (seconds === null) return t('reports.none');
  if (seconds < 60) return `${String(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes)} min ${String(Math.round(seconds - minutes * 60))} s`;
};

/** Reports: figures for a range of days, per department and per agent, with the same report as CSV. */
export function ReportsSection() {
  const [from, setFrom] = useState(daysAgo(6));
  const [to, setTo] = useState(localToday());
  const [timeZone, setTimeZone] = useState(browserZone());
  const [departmentId, setDepartmentId] = useState('');
  const [departments, setDepartments] = useState<DepartmentView[]>([]);
  const [report, setReport] = useState<ReportView | undefined>();
  const request = useAdminRequest();

  const query = new URLSearchParams({ from, to, timeZone, ...(departmentId ? { departmentId } : {}) }).toString();
  const run = async () => {
    const answer = await request.run(() => api.get<{ report: ReportView }>(`/api/reports?${query}`));
    if (answer) setReport(answer.report);
  };

  // The first report on opening, for the range shown then; later ones when the supervisor asks.
  const runFirst = useEffectEvent(() => void run());
  useEffect(() => {
    api
      .get<{ departments: DepartmentView[] }>('/api/departments?archived=true')
      .then((answer) => setDepartments(answer.departments))
      .catch(() => undefined);
    runFirst();
  }, []);

  return (
    <ConsoleSection name="reports" heading={t('reports.heading')}>
      <form
        className="reports__form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label>
          <span className="field-label">{t('reports.from')}</span>
          <input
            className="field"
            type="date"
            value={from}
            required
            onChange={(event) => setFrom(event.target.value)}
          />
        </label>
        <label>
          <span className="field-label">{t('reports.to')}</span>
          <input className="field" type="date" value={to} required onChange={(event) => setTo(event.target.value)} />
        </label>
        <label>
          <span className="field-label">{t('reports.timeZone')}</span>
          <input className="field" value={timeZone} required onChange={(event) => setTimeZone(event.target.value)} />
        </label>
        <label>
          <span className="field-label">{t('reports.department')}</span>
          <select className="field" value={departmentId} onChange={(event) => setDepartmentId(event.target.value)}>
            <option value="">{t('reports.allDepartments')}</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={request.busy}>
          {t('reports.run')}
        </button>
        <a className="button" href={`/api/reports.csv?${query}`} download>
          {t('reports.csv')}
        </a>
      </form>
      <FormErrorView error={request.error} />
      {report && (
        <>
          <FiguresTable
            caption={t('reports.totals')}
            rows={[{ key: 'total', name: `${report.from} – ${report.to}`, figures: report.totals }]}
          />
          {report.totals.chats + report.totals.offlineMessages === 0 ? (
            <p className="empty-state">{t('reports.empty')}</p>
          ) : (
            <>
              <FiguresTable
                caption={t('reports.byDepartment')}
                rows={report.departments.map((row) => ({
                  key: row.departmentId ?? 'general',
                  name: row.name,
                  figures: row,
                }))}
              />
              <FiguresTable
                caption={t('reports.byAgent')}
                rows={report.agents.map((row) => ({ key: row.agentId, name: row.name, figures: row }))}
              />
              <div className="reports__table-wrap">
                <table className="board__table">
                  <caption className="board__heading">{t('reports.perDay')}</caption>
                  <thead>
                    <tr>
                      {report.days.map((day) => (
                        <th key={day.date} scope="col" className="cell--number">
                          {day.date.slice(5)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      {report.days.map((day) => (
                        <td key={day.date} className="cell--number">
                          {day.chats}
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </ConsoleSection>
  );
}

const FIGURE_COLUMNS = [
  'chats',
  'frtMedian',
  'frtP90',
  'handling',
  'abandoned',
  'satisfaction',
  'transcripts',
  'offline',
] as const;

function FiguresTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; name: string; figures: ReportFigures }[];
}) {
  return (
    <div className="reports__table-wrap">
      {/* Fixed layout and the same column widths in every figures table, so they line up one under another. */}
      <table className="board__table reports__figures">
        <caption className="board__heading">{caption}</caption>
        <colgroup>
          <col className="reports__name-col" />
          {FIGURE_COLUMNS.map((column) => (
            <col key={column} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('reports.col.name')}</th>
            {FIGURE_COLUMNS.map((column) => (
              <th key={column} scope="col" className="cell--number">
                {t(`reports.col.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, figures }) => (
            <tr key={key}>
              <th scope="row">{name}</th>
              <td className="cell--number">{figures.chats}</td>
              <td className="cell--number">{duration(figures.firstResponse.medianSeconds)}</td>
              <td className="cell--number">{duration(figures.firstResponse.p90Seconds)}</td>
              <td className="cell--number">{duration(figures.handling.medianSeconds)}</td>
              <td className="cell--number">{figures.abandoned}</td>
              <td className="cell--number">
                {figures.satisfaction.average === null
                  ? t('reports.none')
                  : t('reports.ratings', { average: figures.satisfaction.average, count: figures.satisfaction.count })}
              </td>
              <td className="cell--number">
                {figures.transcripts.sent} / {figures.transcripts.failed}
              </td>
              <td className="cell--number">{figures.offlineMessages}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
