import { PRECHAT_FIELD_MODES, PRECHAT_FIELDS, SUPPORTED_LOCALES, type PrechatFieldMode } from '@switchboard/shared';
import type { ReactNode } from 'react';
import { languageName, t } from '../../i18n/console.js';
import { AdminForm, FormFooter, type DraftFormProps } from './AdminForm.js';
import { SelectField, TextAreaField, TextField } from './FormFields.js';
import { SWITCHBOARD_BLUE, type WidgetSettingsDraft } from './widget-settings-form.js';

/** A titled part of the settings; the legend names the controls inside for screen readers. */
function Group(props: { legend: string; className?: string; children: ReactNode }) {
  return (
    <fieldset className={['widget-settings__group', props.className].filter(Boolean).join(' ')}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

// A colour input can only hold #rrggbb; while the code field holds something else the swatch keeps a valid colour.
const swatch = (code: string) => (/^#[0-9a-f]{6}$/i.test(code) ? code.toLowerCase() : SWITCHBOARD_BLUE);

/**
 * The widget settings. Unlike the list tabs the form is always open:
 * it is one document. Supervisors get it disabled (`readOnly`), without the
 * footer whose Save the server would refuse.
 */
export function WidgetSettingsForm(
  props: DraftFormProps<WidgetSettingsDraft> & { readOnly: boolean; defaultOrigins: readonly string[] },
) {
  const { draft, onChange } = props;
  const defaultOrigins =
    props.defaultOrigins.length === 0
      ? t('admin.widget.origins.defaultNone')
      : t('admin.widget.origins.default', { origins: props.defaultOrigins.join(', ') });
  return (
    <AdminForm className="admin__form widget-settings" onSubmit={props.onSave}>
      <fieldset className="widget-settings__body" disabled={props.readOnly}>
        <Group legend={t('admin.widget.where')}>
          <TextAreaField
            label={t('admin.widget.origins')}
            id="widget-origins"
            value={draft.origins}
            hint={`${draft.origins.trim() === '' ? `${defaultOrigins} ` : ''}${t('admin.widget.origins.own')}`}
            onChange={(origins) => onChange({ ...draft, origins })}
          />
        </Group>
        <Group legend={t('admin.widget.fields')} className="widget-settings__fields">
          {PRECHAT_FIELDS.map((field) => {
            const hint = field === 'topic' || field === 'language' ? t(`admin.widget.field.${field}.hint`) : undefined;
            return (
              <SelectField
                key={field}
                label={t(`admin.widget.field.${field}`)}
                id={`widget-field-${field}`}
                value={draft.fields[field]}
                hint={hint}
                onChange={(mode) =>
                  onChange({ ...draft, fields: { ...draft.fields, [field]: mode as PrechatFieldMode } })
                }
              >
                {PRECHAT_FIELD_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`admin.widget.mode.${mode}`)}
                  </option>
                ))}
              </SelectField>
            );
          })}
        </Group>
        <Group legend={t('admin.widget.brandName.legend')}>
          <TextField
            label={t('admin.widget.brandName')}
            id="widget-brand-name"
            value={draft.brandName}
            hint={t('admin.widget.brandName.hint')}
            onChange={(brandName) => onChange({ ...draft, brandName })}
          />
        </Group>
        <Group legend={t('admin.widget.brand')} className="widget-settings__brand">
          <label className="admin__check">
            <input
              type="radio"
              name="widget-brand"
              checked={!draft.ownBrand}
              onChange={() => onChange({ ...draft, ownBrand: false })}
            />
            {t('admin.widget.brand.snippet')}
          </label>
          <div className="widget-settings__own-colour">
            <label className="admin__check">
              <input
                type="radio"
                name="widget-brand"
                checked={draft.ownBrand}
                onChange={() => onChange({ ...draft, ownBrand: true })}
              />
              {t('admin.widget.brand.own')}
            </label>
            <input
              type="color"
              className="widget-settings__swatch"
              aria-label={t('admin.widget.brand.picker')}
              value={swatch(draft.brand)}
              disabled={!draft.ownBrand}
              onChange={(event) => onChange({ ...draft, brand: event.target.value })}
            />
            <label className="visually-hidden" htmlFor="widget-brand-code">
              {t('admin.widget.brand.code')}
            </label>
            <input
              id="widget-brand-code"
              className="field widget-settings__code"
              value={draft.brand}
              placeholder="#rrggbb"
              disabled={!draft.ownBrand}
              onChange={(event) => onChange({ ...draft, brand: event.target.value })}
            />
          </div>
        </Group>
        <Group legend={t('admin.widget.greeting')} className="widget-settings__greetings">
          {SUPPORTED_LOCALES.map((locale) => (
            <TextField
              key={locale}
              label={languageName(locale)}
              id={`widget-greeting-${locale}`}
              lang={locale}
              value={draft.greeting[locale]}
              onChange={(text) => onChange({ ...draft, greeting: { ...draft.greeting, [locale]: text } })}
            />
          ))}
        </Group>
        <Group legend={t('admin.widget.end')}>
          <label className="admin__check">
            <input
              type="checkbox"
              checked={draft.transcriptOffer}
              onChange={(event) => onChange({ ...draft, transcriptOffer: event.target.checked })}
            />
            {t('admin.widget.transcript')}
          </label>
        </Group>
      </fieldset>
      {!props.readOnly && (
        <FormFooter
          error={props.error}
          busy={props.busy}
          onCancel={props.onCancel}
          cancelLabel={t('admin.widget.discard')}
        />
      )}
    </AdminForm>
  );
}
