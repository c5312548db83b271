import {
  AGENT_ROLES,
  SUPPORTED_LOCALES,
  type AgentRole,
  type AgentView,
  type DepartmentView,
  type Locale,
} from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/rest.js';
import { languageName, t } from '../../i18n/index.js';
import { useAdminRequest } from './admin-request.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { FormErrorView } from './FormErrorView.js';

interface Draft {
  id?: string;
  email: string;
  displayName: string;
  password: string;
  role: AgentRole;
  capacity: string;
  departmentIds: string[];
  languages: string[];
}

const blank: Draft = {
  email: '',
  displayName: '',
  password: '',
  role: 'agent',
  capacity: '3',
  departmentIds: [],
  languages: ['en'],
};

/** S4: agents, their roles, departments, languages and capacity; only admins change them (the server checks). */
export function AgentsAdmin({ canEdit }: { canEdit: boolean }) {
  const [agents, setAgents] = useState<AgentView[] | undefined>();
  const [departments, setDepartments] = useState<DepartmentView[]>([]);
  const [draft, setDraft] = useState<Draft | undefined>();
  const [resetFor, setResetFor] = useState<AgentView | undefined>();
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const request = useAdminRequest();

  const reload = useCallback(async () => {
    const [a, d] = await Promise.all([
      api.get<{ agents: AgentView[] }>('/api/agents'),
      api.get<{ departments: DepartmentView[] }>('/api/departments'),
    ]);
    setAgents(a.agents);
    setDepartments(d.departments);
  }, []);
  useEffect(() => {
    void request
      .run(async () => {
        await reload();
        return true;
      })
      .then((done) => {
        if (done === undefined) setAgents([]);
      });
  }, [reload]);

  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;

  const save = async () => {
    if (!draft) return;
    const common = {
      displayName: draft.displayName,
      role: draft.role,
      capacity: draft.capacity.trim() === '' ? null : Number(draft.capacity),
      departmentIds: draft.departmentIds,
      languages: draft.languages,
    };
    const done = await request.run(() =>
      draft.id
        ? api.patch(`/api/agents/${draft.id}`, common)
        : api.post('/api/agents', { ...common, email: draft.email, password: draft.password }),
    );
    if (done === undefined) return;
    setDraft(undefined);
    setNotice(t('admin.saved'));
    await reload();
  };

  const act = async (work: () => Promise<unknown>, message: string) => {
    const done = await request.run(async () => {
      await work();
      return true;
    });
    if (!done) return;
    setNotice(message);
    await reload();
  };

  return (
    <div className="admin__pane">
      <div className="admin__toolbar">
        {canEdit ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              request.clear();
              setResetFor(undefined);
              setDraft(blank);
            }}
          >
            {t('admin.new')}
          </button>
        ) : (
          <p className="admin__hint">{t('admin.readOnly')}</p>
        )}
        <span role="status" className="admin__notice">
          {notice}
        </span>
      </div>
      {!draft && !resetFor && <FormErrorView error={request.error} />}
      {draft && (
        <form
          className="admin__form admin__grid"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {!draft.id && (
            <TextField
              label={t('admin.agent.email')}
              id="agent-email"
              type="email"
              value={draft.email}
              onChange={(email) => setDraft({ ...draft, email })}
            />
          )}
          <TextField
            label={t('admin.agent.name')}
            id="agent-name"
            value={draft.displayName}
            onChange={(displayName) => setDraft({ ...draft, displayName })}
          />
          {!draft.id && (
            <TextField
              label={t('admin.agent.password')}
              id="agent-password"
              type="password"
              value={draft.password}
              onChange={(value) => setDraft({ ...draft, password: value })}
            />
          )}
          <div>
            <label className="field-label" htmlFor="agent-role">
              {t('admin.agent.role')}
            </label>
            <select
              id="agent-role"
              className="field"
              value={draft.role}
              onChange={(event) => setDraft({ ...draft, role: event.target.value as AgentRole })}
            >
              {AGENT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('admin.agent.capacity')}
            id="agent-capacity"
            type="number"
            value={draft.capacity}
            onChange={(capacity) => setDraft({ ...draft, capacity })}
          />
          <CheckboxGroup
            legend={t('admin.agent.departments')}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            selected={draft.departmentIds}
            onChange={(departmentIds) => setDraft({ ...draft, departmentIds })}
          />
          <CheckboxGroup
            legend={t('admin.languages')}
            options={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: languageName(locale) }))}
            selected={draft.languages}
            onChange={(languages) => setDraft({ ...draft, languages })}
          />
          <div className="admin__wide">
            <FormErrorView error={request.error} />
            <div className="dialog__actions">
              <button type="button" className="button" onClick={() => setDraft(undefined)}>
                {t('admin.cancel')}
              </button>
              <button type="submit" className="button button--primary" disabled={request.busy}>
                {request.busy ? t('admin.saving') : t('admin.save')}
              </button>
            </div>
          </div>
        </form>
      )}
      {resetFor && (
        <form
          className="admin__form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              () => api.post(`/api/agents/${resetFor.id}/reset-password`, { password }),
              t('admin.agent.passwordReset'),
            ).then(() => {
              setResetFor(undefined);
              setPassword('');
            });
          }}
        >
          <TextField
            label={t('admin.agent.newPassword', { name: resetFor.displayName })}
            id="agent-new-password"
            type="password"
            value={password}
            onChange={setPassword}
          />
          <FormErrorView error={request.error} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setResetFor(undefined)}>
              {t('admin.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={request.busy}>
              {t('admin.agent.resetPassword')}
            </button>
          </div>
        </form>
      )}
      {agents === undefined ? (
        <p className="empty-state">{t('admin.loading')}</p>
      ) : (
        <table className="board__table admin__table">
          <thead>
            <tr>
              <th scope="col">{t('admin.agent.name')}</th>
              <th scope="col">{t('admin.agent.email')}</th>
              <th scope="col">{t('admin.agent.role')}</th>
              <th scope="col">{t('admin.dept.defaultCapacity')}</th>
              <th scope="col">{t('admin.agent.departments')}</th>
              <th scope="col">{t('admin.languages')}</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">{t('admin.edit')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.id} className={agent.active ? undefined : 'row--closed'}>
                <th scope="row">
                  {agent.displayName} {!agent.active && <span className="tag">{t('admin.agent.inactive')}</span>}
                </th>
                <td>{agent.email}</td>
                <td>{agent.role}</td>
                <td className="cell--number">{agent.capacity ?? '—'}</td>
                <td>{agent.departmentIds.map(departmentName).join(', ')}</td>
                <td>{agent.languages.map((l) => l as Locale).join(', ')}</td>
                {canEdit && (
                  <td className="admin__row-actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${t('admin.edit')} ${agent.displayName}`}
                      onClick={() => {
                        request.clear();
                        setResetFor(undefined);
                        setDraft({
                          ...agent,
                          id: agent.id,
                          password: '',
                          capacity: agent.capacity === null ? '' : String(agent.capacity),
                        });
                      }}
                    >
                      {t('admin.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        request.clear();
                        setDraft(undefined);
                        setResetFor(agent);
                      }}
                    >
                      {t('admin.agent.resetPassword')}
                    </button>
                    <button
                      type="button"
                      className={agent.active ? 'button button--small button--danger' : 'button button--small'}
                      onClick={() =>
                        void act(
                          () => api.patch(`/api/agents/${agent.id}`, { active: !agent.active }),
                          t('admin.saved'),
                        )
                      }
                    >
                      {t(agent.active ? 'admin.agent.deactivate' : 'admin.agent.reactivate')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function TextField(props: {
  label: string;
  id: string;
  value: string;
  type?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="field"
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}
