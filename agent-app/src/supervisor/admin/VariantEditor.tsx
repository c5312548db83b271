import { SUPPORTED_LOCALES } from '@switchboard/shared';
import { languageName, t } from '../../i18n/console.js';
import { AdminForm, FormFooter, type DraftFormProps } from './AdminForm.js';
import { SelectField, TextAreaField, TextField } from './FormFields.js';
import { blankFields, type KnowledgeDraft } from './knowledge-draft.js';
import type { KnowledgeKind } from './knowledge-kinds.js';

/** Edits a canned response or article: its key, then one fieldset per language, which can be added and removed. */
export function VariantEditor(props: DraftFormProps<KnowledgeDraft> & { kind: KnowledgeKind }) {
  const { kind, draft, onChange } = props;
  const missing = SUPPORTED_LOCALES.filter((locale) => !draft.variants.some((v) => v.locale === locale));
  const setVariant = (index: number, field: string, value: string) => {
    onChange({
      ...draft,
      variants: draft.variants.map((variant, i) => (i === index ? { ...variant, [field]: value } : variant)),
    });
  };
  return (
    <AdminForm className="admin__form" onSubmit={props.onSave}>
      <label className="field-label" htmlFor={`${kind.id}-key`}>
        {t(kind.keyLabel)}
      </label>
      <input
        id={`${kind.id}-key`}
        className="field admin__key"
        value={draft.key}
        required
        onChange={(event) => {
          onChange({ ...draft, key: event.target.value });
        }}
      />
      {draft.variants.map((variant, index) => (
        <fieldset key={variant.locale} className="admin__variant">
          <legend>{t('admin.variant', { language: languageName(variant.locale) })}</legend>
          {kind.fields.map((field) => {
            const common = {
              label: t(field.label),
              id: `${kind.id}-${variant.locale}-${field.name}`,
              value: variant[field.name] ?? '',
              onChange: (value: string) => setVariant(index, field.name, value),
            };
            return field.multiline ? (
              <TextAreaField key={field.name} {...common} />
            ) : (
              <TextField key={field.name} type={field.type} {...common} />
            );
          })}
          {draft.variants.length > 1 && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                onChange({ ...draft, variants: draft.variants.filter((_, i) => i !== index) });
              }}
            >
              {t('admin.removeLanguage', { language: languageName(variant.locale) })}
            </button>
          )}
        </fieldset>
      ))}
      {missing.length > 0 && (
        <SelectField
          className="admin__add-language"
          label={t('admin.addLanguage')}
          id={`${kind.id}-add-language`}
          value=""
          onChange={(value) => {
            const locale = SUPPORTED_LOCALES.find((each) => each === value);
            if (locale) onChange({ ...draft, variants: [...draft.variants, { locale, ...blankFields(kind) }] });
          }}
        >
          <option value="">…</option>
          {missing.map((locale) => (
            <option key={locale} value={locale}>
              {languageName(locale)}
            </option>
          ))}
        </SelectField>
      )}
      <FormFooter error={props.error} busy={props.busy} onCancel={props.onCancel} />
    </AdminForm>
  );
}
