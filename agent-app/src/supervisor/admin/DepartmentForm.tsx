import {
  ROUTING_STRATEGIES,
  SUPPORTED_LOCALES,
  WEEKDAYS,
  type DepartmentDefaults,
  type Locale,
  type RoutingStrategy,
} from '@switchboard/shared';
import { languageName, t } from '../../i18n/console.js';
import { AdminForm, FormFooter, type DraftFormProps } from './AdminForm.js';
import { LanguageChecks } from './CheckboxGroup.js';
import { THRESHOLDS, TRANSLATED_LOCALES, type DepartmentDraft } from './department-form.js';
import { SelectField, TextAreaField, TextField } from './FormFields.js';
import { ThresholdField } from './ThresholdField.js';

/** Creates or edits a department: routing, languages, topics, business hours, holidays and idle thresholds. */
export function DepartmentForm(props: DraftFormProps<DepartmentDraft> & { defaults: DepartmentDefaults | undefined }) {
  const { draft, onChange } = props;
  return (
    <AdminForm className="admin__form admin__grid" onSubmit={props.onSave}>
      <TextField
        label={t('admin.dept.name')}
        id="dept-name"
        value={draft.name}
        onChange={(name) => onChange({ ...draft, name })}
      />
      <SelectField
        label={t('admin.dept.strategy')}
        id="dept-strategy"
        value={draft.strategy}
        onChange={(strategy) => onChange({ ...draft, strategy: strategy as RoutingStrategy })}
      >
        {ROUTING_STRATEGIES.map((strategy) => (
          <option key={strategy} value={strategy}>
            {t(`admin.dept.strategy.${strategy}`)}
          </option>
        ))}
      </SelectField>
      <LanguageChecks
        selected={draft.languages}
        onChange={(languages) => onChange({ ...draft, languages: languages as Locale[] })}
      />
      <TextAreaField
        className="admin__wide"
        label={t('admin.dept.topics')}
        id="dept-topics"
        value={draft.topics}
        onChange={(topics) => onChange({ ...draft, topics })}
      />
      <fieldset className="admin__wide admin__translations">
        <legend className="field-label">{t('admin.dept.customerNames')}</legend>
        {SUPPORTED_LOCALES.map((locale) => (
          <TextField
            key={locale}
            label={t('admin.dept.nameIn', { language: languageName(locale) })}
            id={`dept-name-${locale}`}
            lang={locale}
            value={draft.names[locale]}
            onChange={(name) => onChange({ ...draft, names: { ...draft.names, [locale]: name } })}
          />
        ))}
        {TRANSLATED_LOCALES.map((locale) => (
          <TextAreaField
            key={locale}
            label={t('admin.dept.topicsIn', { language: languageName(locale) })}
            id={`dept-topics-${locale}`}
            lang={locale}
            value={draft.topicLabels[locale]}
            onChange={(labels) => onChange({ ...draft, topicLabels: { ...draft.topicLabels, [locale]: labels } })}
          />
        ))}
      </fieldset>
      <TextField
        label={t('admin.dept.timeZone')}
        id="dept-tz"
        value={draft.timeZone}
        onChange={(timeZone) => onChange({ ...draft, timeZone })}
      />
      <fieldset className="admin__wide admin__week">
        <legend className="field-label">{t('admin.dept.hours')}</legend>
        {WEEKDAYS.map((day) => (
          <TextField
            key={day}
            label={t(`admin.weekday.${day}`)}
            id={`dept-hours-${day}`}
            value={draft.weekly[day]}
            onChange={(value) => onChange({ ...draft, weekly: { ...draft.weekly, [day]: value } })}
          />
        ))}
      </fieldset>
      <TextAreaField
        label={t('admin.dept.holidays')}
        id="dept-holidays"
        value={draft.holidays}
        onChange={(holidays) => onChange({ ...draft, holidays })}
      />
      <fieldset className="admin__wide admin__thresholds">
        <legend className="field-label">{t('admin.dept.thresholds')}</legend>
        {THRESHOLDS.map((name) => (
          <ThresholdField
            key={name}
            name={name}
            draft={draft.thresholds[name]}
            defaults={props.defaults}
            onChange={(value) => onChange({ ...draft, thresholds: { ...draft.thresholds, [name]: value } })}
          />
        ))}
      </fieldset>
      <div className="admin__wide">
        <FormFooter error={props.error} busy={props.busy} onCancel={props.onCancel} />
      </div>
    </AdminForm>
  );
}
