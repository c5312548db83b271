import { SUPPORTED_LOCALES } from '@switchboard/shared';
import { languageName, t } from '../../i18n/console.js';

/** A labelled set of checkboxes for picking several values (departments, languages). */
export function CheckboxGroup(props: {
  legend: string;
  options: { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}) {
  return (
    <fieldset className="admin__checks">
      <legend className="field-label">{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="admin__check">
          <input
            type="checkbox"
            checked={props.selected.includes(option.value)}
            onChange={(event) => {
              props.onChange(
                event.target.checked
                  ? [...props.selected, option.value]
                  : props.selected.filter((value) => value !== option.value),
              );
            }}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The languages an agent or department serves, one box per supported locale. */
export function LanguageChecks(props: { selected: readonly string[]; onChange: (selected: string[]) => void }) {
  return (
    <CheckboxGroup
      legend={t('admin.languages')}
      options={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: languageName(locale) }))}
      selected={props.selected}
      onChange={props.onChange}
    />
  );
}
