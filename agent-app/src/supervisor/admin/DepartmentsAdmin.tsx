import type { DepartmentDefaults, DepartmentView } from '@switchboard/shared';
import { useCallback, useState } from 'react';
import { api } from '../../api/rest.js';
import { t } from '../../i18n/console.js';
import { AdminTable, RowButton } from './AdminTable.js';
import { AdminToolbar, ShowArchivedToggle } from './AdminToolbar.js';
import { DepartmentForm } from './DepartmentForm.js';
import { toDepartmentBody, toDepartmentDraft, type DepartmentDraft } from './department-form.js';
import { FormErrorView } from './FormErrorView.js';
import { useAdminList } from './use-admin-list.js';

/** Admin of departments: their topics, languages, business hours, holidays, routing and idle thresholds. */
export function DepartmentsAdmin({ canEdit }: { canEdit: boolean }) {
  const [showArchived, setShowArchived] = useState(false);
  const [defaults, setDefaults] = useState<DepartmentDefaults | undefined>();
  const fetchDepartments = useCallback(async () => {
    const answer = await api.get<{ departments: DepartmentView[]; defaults?: DepartmentDefaults }>(
      `/api/departments${showArchived ? '?archived=true' : ''}`,
    );
    setDefaults(answer.defaults);
    return answer.departments;
  }, [showArchived]);
  const list = useAdminList<DepartmentView, DepartmentDraft>(fetchDepartments);
  const { draft, request } = list;

  const save = () => {
    if (!draft) return;
    const body = toDepartmentBody(draft);
    void list.saveDraft(() =>
      draft.id ? api.patch(`/api/departments/${draft.id}`, body) : api.post('/api/departments', body),
    );
  };

  return (
    <div className="admin__pane">
      <AdminToolbar canEdit={canEdit} onNew={() => list.openDraft(toDepartmentDraft())} notice={list.notice}>
        <ShowArchivedToggle checked={showArchived} onChange={setShowArchived} />
      </AdminToolbar>
      {!draft && <FormErrorView error={request.error} />}
      {draft && (
        <DepartmentForm
          draft={draft}
          defaults={defaults}
          onChange={list.setDraft}
          onSave={save}
          onCancel={() => list.setDraft(undefined)}
          busy={request.busy}
          error={request.error}
        />
      )}
      <AdminTable
        items={list.items}
        headings={[
          t('admin.dept.name'),
          t('admin.languages'),
          t('admin.dept.strategy'),
          t('admin.dept.timeZone'),
          t('admin.dept.defaultCapacity'),
        ]}
        rowClassName={(department) => (department.archived ? 'row--closed' : undefined)}
        cells={(department) => (
          <>
            <th scope="row">
              {department.name} {department.archived && <span className="tag">{t('admin.archived')}</span>}
            </th>
            <td>{department.languages.join(', ')}</td>
            <td>{t(`admin.dept.strategy.${department.strategy}`)}</td>
            <td>{department.hours?.timeZone ?? '—'}</td>
            <td className="cell--number">{department.defaultCapacity ?? '—'}</td>
          </>
        )}
        actions={
          canEdit
            ? (department) => (
                <>
                  <RowButton
                    label={t('admin.edit')}
                    target={department.name}
                    onClick={() => list.openDraft(toDepartmentDraft(department))}
                  />
                  {!department.archived && (
                    <RowButton
                      label={t('admin.archive')}
                      target={department.name}
                      danger
                      onClick={() => void list.runAction(() => api.delete(`/api/departments/${department.id}`))}
                    />
                  )}
                </>
              )
            : undefined
        }
      />
    </div>
  );
}
