import { AGENT_ROLES, type AgentRole, type DepartmentView } from '@switchboard/shared';
import { t } from '../../i18n/console.js';
import { AdminForm, FormFooter, type DraftFormProps } from './AdminForm.js';
import type { AgentDraft } from './agent-form.js';
import { CheckboxGroup, LanguageChecks } from './CheckboxGroup.js';
import { SelectField, TextField } from './FormFields.js';

/** Creates or edits an agent; email and password are set only on creation (a reset changes the password later). */
export function AgentForm(props: DraftFormProps<AgentDraft> & { departments: readonly DepartmentView[] }) {
  const { draft, onChange } = props;
  return (
    <AdminForm className="admin__form admin__grid" onSubmit={props.onSave}>
      {!draft.id && (
        <TextField
          label={t('admin.agent.email')}
          id="agent-email"
          type="email"
          value={draft.email}
          onChange={(email) => onChange({ ...draft, email })}
        />
      )}
      <TextField
        label={t('admin.agent.name')}
        id="agent-name"
        value={draft.displayName}
        onChange={(displayName) => onChange({ ...draft, displayName })}
      />
      <div className="admin__avatar">
        <TextField
          label={t('admin.agent.avatarUrl')}
          id="agent-avatar"
          type="url"
          hint={t('admin.agent.avatarHint')}
          value={draft.avatarUrl}
          onChange={(avatarUrl) => onChange({ ...draft, avatarUrl })}
        />
        {draft.avatarUrl.trim().startsWith('https://') && (
          <img className="admin__avatar-preview" src={draft.avatarUrl.trim()} alt="" width={40} height={40} />
        )}
      </div>
      {!draft.id && (
        <TextField
          label={t('admin.agent.password')}
          id="agent-password"
          type="password"
          value={draft.password}
          onChange={(password) => onChange({ ...draft, password })}
        />
      )}
      <SelectField
        label={t('admin.agent.role')}
        id="agent-role"
        value={draft.role}
        onChange={(role) => onChange({ ...draft, role: role as AgentRole })}
      >
        {AGENT_ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('admin.agent.capacity')}
        id="agent-capacity"
        type="number"
        value={draft.capacity}
        onChange={(capacity) => onChange({ ...draft, capacity })}
      />
      <CheckboxGroup
        legend={t('admin.agent.departments')}
        options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
        selected={draft.departmentIds}
        onChange={(departmentIds) => onChange({ ...draft, departmentIds })}
      />
      <LanguageChecks selected={draft.languages} onChange={(languages) => onChange({ ...draft, languages })} />
      <div className="admin__wide">
        <FormFooter error={props.error} busy={props.busy} onCancel={props.onCancel} />
      </div>
    </AdminForm>
  );
}
