import {
  ROUTING_STRATEGIES,
  SUPPORTED_LOCALES,
  WEEKDAYS,
  type DepartmentView,
  type Locale,
  type RoutingStrategy,
} from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/rest.js';
import { languageName, t, type TextKey } from '../../i18n/index.js';
import { useAdminRequest } from './admin-request.js';
import { TextField } from './AgentsAdmin.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { THRESHOLDS, toDepartmentBody, toDepartmentDraft, type DepartmentDraft } from './department-form.js';
import { FormErrorView } from './FormErrorView.js';

/** S4: departments with topics, languages, business hours, holidays, routing and idle thresholds. */
export function DepartmentsAdmin({ canEdit }: { canEdit: boolean }) {
  const [departments, setDepartments] = useState<DepartmentView[] | undefined>();
  const [showArchived, setShowArchived] = useState(false);
  const [draft, setDraft] = useState<DepartmentDraft | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const request = useAdminRequest();

  const reload = useCallback(async () => {
    const answer = await api.get<{ departments: DepartmentView[] }>(
      `/api/departments${showArchived ? '?archived=true' : ''}`,
    );
    setDepartments(answer.departments);
  }, [showArchived]);
  useEffect(() => {
    void request
      .run(async () => {
        await reload();
        return true;
      })
      .then((done) => {
        if (done === undefined) setDepartments([]);
      });
  }, [reload]);

  const save = async () => {
    if (!draft) return;
    const previous = departments?.find((d) => d.id === draft.id);
    const body = toDepartmentBody(draft, previous);
    const done = await request.run(() =>
      draft.id ? api.patch(`/api/departments/${draft.id}`, body) : api.post('/api/departments', body),
    );
    if (done === undefined) return;
    setDraft(undefined);
    setNotice(t('admin.saved'));
    await reload();
  };

  const archive = async (department: DepartmentView) => {
    const done = await request.run(() => api.delete(`/api/departments/${department.id}`));
    if (done !== undefined) await reload();
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
              setDraft(toDepartmentDraft());
            }}
          >
            {t('admin.new')}
          </button>
        ) : (
          <p className="admin__hint">{t('admin.readOnly')}</p>
        )}
        <label className="admin__check">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          {t('admin.showArchived')}
        </label>
        <span role="status" className="admin__notice">
          {notice}
        </span>
      </div>
      {!draft && <FormErrorView error={request.error} />}
      {draft && (
        <form
          className="admin__form admin__grid"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextField
            label={t('admin.dept.name')}
            id="dept-name"
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
          />
          <div>
            <label className="field-label" htmlFor="dept-strategy">
              {t('admin.dept.strategy')}
            </label>
            <select
              id="dept-strategy"
              className="field"
              value={draft.strategy}
              onChange={(event) => setDraft({ ...draft, strategy: event.target.value as RoutingStrategy })}
            >
              {ROUTING_STRATEGIES.map((strategy) => (
                <option key={strategy} value={strategy}>
                  {t(`admin.dept.strategy.${strategy}`)}
                </option>
              ))}
            </select>
          </div>
          <CheckboxGroup
            legend={t('admin.languages')}
            options={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: languageName(locale) }))}
            selected={draft.languages}
            onChange={(languages) => setDraft({ ...draft, languages: languages as Locale[] })}
          />
          <div className="admin__wide">
            <label className="field-label" htmlFor="dept-topics">
              {t('admin.dept.topics')}
            </label>
            <textarea
              id="dept-topics"
              className="field"
              rows={3}
              value={draft.topics}
              onChange={(event) => setDraft({ ...draft, topics: event.target.value })}
            />
          </div>
          <TextField
            label={t('admin.dept.timeZone')}
            id="dept-tz"
            value={draft.timeZone}
            onChange={(timeZone) => setDraft({ ...draft, timeZone })}
          />
          <fieldset className="admin__wide admin__week">
            <legend className="field-label">{t('admin.dept.hours')}</legend>
            {WEEKDAYS.map((day) => (
              <TextField
                key={day}
                label={t(`admin.weekday.${day}`)}
                id={`dept-hours-${day}`}
                value={draft.weekly[day]}
                onChange={(value) => setDraft({ ...draft, weekly: { ...draft.weekly, [day]: value } })}
              />
            ))}
          </fieldset>
          <div>
            <label className="field-label" htmlFor="dept-holidays">
              {t('admin.dept.holidays')}
            </label>
            <textarea
              id="dept-holidays"
              className="field"
              rows={3}
              value={draft.holidays}
              onChange={(event) => setDraft({ ...draft, holidays: event.target.value })}
            />
          </div>
          <fieldset className="admin__wide admin__week">
            <legend className="field-label">{t('admin.dept.thresholds')}</legend>
            {THRESHOLDS.map((name) => (
              <TextField
                key={name}
                type="number"
                label={t(`admin.dept.${name}` as TextKey)}
                id={`dept-${name}`}
                value={draft.thresholds[name]}
                onChange={(value) => setDraft({ ...draft, thresholds: { ...draft.thresholds, [name]: value } })}
              />
            ))}
          </fieldset>
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
      {departments === undefined ? (
        <p className="empty-state">{t('admin.loading')}</p>
      ) : (
        <table className="board__table admin__table">
          <thead>
            <tr>
              <th scope="col">{t('admin.dept.name')}</th>
              <th scope="col">{t('admin.languages')}</th>
              <th scope="col">{t('admin.dept.strategy')}</th>
              <th scope="col">{t('admin.dept.timeZone')}</th>
              <th scope="col">{t('admin.dept.defaultCapacity')}</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">{t('admin.edit')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {departments.map((department) => (
              <tr key={department.id} className={department.archived ? 'row--closed' : undefined}>
                <th scope="row">
                  {department.name} {department.archived && <span className="tag">{t('admin.archived')}</span>}
                </th>
                <td>{department.languages.join(', ')}</td>
                <td>{t(`admin.dept.strategy.${department.strategy}`)}</td>
                <td>{department.hours?.timeZone ?? '—'}</td>
                <td className="cell--number">{department.defaultCapacity ?? '—'}</td>
                {canEdit && (
                  <td className="admin__row-actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${t('admin.edit')} ${department.name}`}
                      onClick={() => {
                        request.clear();
                        setDraft(toDepartmentDraft(department));
                      }}
                    >
                      {t('admin.edit')}
                    </button>
                    {!department.archived && (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={`${t('admin.archive')} ${department.name}`}
                        onClick={() => void archive(department)}
                      >
                        {t('admin.archive')}
                      </button>
                    )}
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
