import type { AgentView, DepartmentView, Locale } from '@switchboard/shared';
import { useCallback, useState } from 'react';
import { api } from '../../api/rest.js';
import { t } from '../../i18n/console.js';
import { AdminTable, RowButton } from './AdminTable.js';
import { AdminToolbar } from './AdminToolbar.js';
import { AgentForm } from './AgentForm.js';
import { toAgentBody, toAgentDraft, type AgentDraft } from './agent-form.js';
import { FormErrorView } from './FormErrorView.js';
import { ResetPasswordForm } from './ResetPasswordForm.js';
import { useAdminList } from './use-admin-list.js';

/** Admin of agents: their roles, departments, languages and capacity; only admins change them (the server checks). */
export function AgentsAdmin({ canEdit }: { canEdit: boolean }) {
  // Departments come with the agents: the form offers them and the table names them.
  const [departments, setDepartments] = useState<DepartmentView[]>([]);
  const fetchAgents = useCallback(async () => {
    const [a, d] = await Promise.all([
      api.get<{ agents: AgentView[] }>('/api/agents'),
      api.get<{ departments: DepartmentView[] }>('/api/departments'),
    ]);
    setDepartments(d.departments);
    return a.agents;
  }, []);
  const list = useAdminList<AgentView, AgentDraft>(fetchAgents);
  const { draft, request } = list;
  const [resetFor, setResetFor] = useState<AgentView | undefined>();
  const [password, setPassword] = useState('');

  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  // One form at a time: editing closes a password reset and the other way round.
  const openDraft = (next: AgentDraft) => {
    setResetFor(undefined);
    list.openDraft(next);
  };
  const openReset = (agent: AgentView) => {
    list.openDraft(undefined);
    setResetFor(agent);
  };
  // The calls answer nothing worth keeping; `true` tells the request they succeeded.
  const act = (work: () => Promise<unknown>, message: string) =>
    list.runAction(async () => {
      await work();
      return true;
    }, message);

  const save = () => {
    if (!draft) return;
    const body = toAgentBody(draft);
    void list.saveDraft(() => (draft.id ? api.patch(`/api/agents/${draft.id}`, body) : api.post('/api/agents', body)));
  };

  return (
    <div className="admin__pane">
      <AdminToolbar canEdit={canEdit} onNew={() => openDraft(toAgentDraft())} notice={list.notice} />
      {!draft && !resetFor && <FormErrorView error={request.error} />}
      {draft && (
        <AgentForm
          draft={draft}
          departments={departments}
          onChange={list.setDraft}
          onSave={save}
          onCancel={() => list.setDraft(undefined)}
          busy={request.busy}
          error={request.error}
        />
      )}
      {resetFor && (
        <ResetPasswordForm
          agent={resetFor}
          password={password}
          onPasswordChange={setPassword}
          onReset={() => {
            void act(
              () => api.post(`/api/agents/${resetFor.id}/reset-password`, { password }),
              t('admin.agent.passwordReset'),
            ).then(() => {
              setResetFor(undefined);
              setPassword('');
            });
          }}
          onCancel={() => setResetFor(undefined)}
          busy={request.busy}
          error={request.error}
        />
      )}
      <AdminTable
        items={list.items}
        headings={[
          t('admin.agent.name'),
          t('admin.agent.email'),
          t('admin.agent.role'),
          t('admin.dept.defaultCapacity'),
          t('admin.agent.departments'),
          t('admin.languages'),
        ]}
        rowClassName={(agent) => (agent.active ? undefined : 'row--closed')}
        cells={(agent) => (
          <>
            <th scope="row">
              {agent.displayName} {!agent.active && <span className="tag">{t('admin.agent.inactive')}</span>}
            </th>
            <td>{agent.email}</td>
            <td>{agent.role}</td>
            <td className="cell--number">{agent.capacity ?? '—'}</td>
            <td>{agent.departmentIds.map(departmentName).join(', ')}</td>
            <td>{agent.languages.map((l) => l as Locale).join(', ')}</td>
          </>
        )}
        actions={
          canEdit
            ? (agent) => (
                <>
                  <RowButton
                    label={t('admin.edit')}
                    target={agent.displayName}
                    onClick={() => openDraft(toAgentDraft(agent))}
                  />
                  <RowButton label={t('admin.agent.resetPassword')} onClick={() => openReset(agent)} />
                  <RowButton
                    label={t(agent.active ? 'admin.agent.deactivate' : 'admin.agent.reactivate')}
                    danger={agent.active}
                    onClick={() =>
                      void act(() => api.patch(`/api/agents/${agent.id}`, { active: !agent.active }), t('admin.saved'))
                    }
                  />
                </>
              )
            : undefined
        }
      />
    </div>
  );
}
