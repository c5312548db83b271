import type { AgentView, AuditEntryView, DepartmentView } from '@switchboard/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { api } from '../../api/rest.js';
import { formatDate, t } from '../../i18n/console.js';
import { useAdminRequest } from '../admin/admin-request.js';
import { FormErrorView } from '../admin/FormErrorView.js';
import '../admin/admin.css';
import { ConsoleSection } from '../ConsoleSection.js';
import { actionLabel, detailLines, targetLabel, type AuditNames } from './describe-audit.js';

const PAGE = 50;

interface Filters {
  actorId: string;
  action: string;
  targetId: string;
  from: string;
  to: string;
}

/** Local `YYYY-MM-DD` of a date input → the instant of that local midnight, as the API's filters want. */
const startOf = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : '');
const endOf = (date: string) =>
  date ? new Date(new Date(`${date}T00:00:00`).getTime() + 86_400_000).toISOString() : '';

/** The audit log of supervisor and admin actions: newest first, filtered, paged back. */
export function AuditSection() {
  const [filters, setFilters] = useState<Filters>({ actorId: '', action: '', targetId: '', from: '', to: '' });
  const [agents, setAgents] = useState<AgentView[]>([]);
  const [names, setNames] = useState<AuditNames>({ agents: new Map(), departments: new Map() });
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [more, setMore] = useState(false);
  const request = useAdminRequest();

  const load = async (before?: string) => {
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (filters.actorId) params.set('actorId', filters.actorId);
    if (filters.action.trim()) params.set('action', filters.action.trim());
    if (filters.targetId.trim()) params.set('targetId', filters.targetId.trim());
    if (filters.from) params.set('from', startOf(filters.from));
    if (filters.to) params.set('to', endOf(filters.to));
    if (before) params.set('before', before);
    const answer = await request.run(() => api.get<{ entries: AuditEntryView[] }>(`/api/audit?${params.toString()}`));
    if (!answer) return;
    setEntries((current) => (before ? [...current, ...answer.entries] : answer.entries));
    setMore(answer.entries.length === PAGE);
  };

  // The first page on opening, with the filters shown then; later ones when the supervisor asks.
  const loadFirst = useEffectEvent(() => void load());
  useEffect(() => {
    // Names for the ids the entries carry (whoever was moved, which departments).
    void Promise.all([
      api.get<{ agents: AgentView[] }>('/api/agents').catch(() => ({ agents: [] as AgentView[] })),
      api
        .get<{ departments: DepartmentView[] }>('/api/departments?archived=true')
        .catch(() => ({ departments: [] as DepartmentView[] })),
    ]).then(([answer, listed]) => {
      setAgents(answer.agents.filter((agent) => agent.role !== 'agent'));
      setNames({
        agents: new Map(answer.agents.map((agent) => [agent.id, agent.displayName])),
        departments: new Map(listed.departments.map((department) => [department.id, department.name])),
      });
    });
    loadFirst();
  }, []);

  const field = (name: keyof Filters) => ({
    value: filters[name],
    onChange: (event: { target: { value: string } }) => setFilters({ ...filters, [name]: event.target.value }),
  });

  return (
    <ConsoleSection name="audit" heading={t('audit.heading')}>
      <form
        className="audit__form"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <label>
          <span className="field-label">{t('audit.actor')}</span>
          <select className="field" {...field('actorId')}>
            <option value="">{t('audit.anyone')}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t('audit.action')}</span>
          <input className="field" placeholder="canned.update" {...field('action')} />
        </label>
        <label>
          <span className="field-label">{t('audit.target')}</span>
          <input className="field" {...field('targetId')} />
        </label>
        <label>
          <span className="field-label">{t('audit.from')}</span>
          <input className="field" type="date" {...field('from')} />
        </label>
        <label>
          <span className="field-label">{t('audit.to')}</span>
          <input className="field" type="date" {...field('to')} />
        </label>
        <button type="submit" className="button button--primary" disabled={request.busy}>
          {t('audit.filter')}
        </button>
      </form>
      <FormErrorView error={request.error} />
      {entries.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : (
        <table className="board__table admin__table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.on')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDate(entry.at)}</td>
                <td>
                  {entry.actor.name} <span className="tag">{entry.actor.role}</span>
                </td>
                <th scope="row" title={entry.action}>
                  {actionLabel(entry.action)}
                </th>
                <td title={entry.target.id}>{targetLabel(entry, names)}</td>
                <td className="audit__details">
                  <ul className="audit__lines">
                    {detailLines(entry, names).map((line, index) => (
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="button" onClick={() => void load(entries.at(-1)?.id)}>
          {t('audit.more')}
        </button>
      )}
    </ConsoleSection>
  );
}
