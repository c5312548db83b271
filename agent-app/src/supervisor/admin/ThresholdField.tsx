import type { DepartmentDefaults } from '@switchboard/shared';
import { t, type TextKey } from '../../i18n/console.js';
import { THRESHOLD_MODES, type Threshold, type ThresholdDraft, type ThresholdMode } from './department-form.js';

/** "90 s", "2 min", "1 h 30 min": how long a default is, at a glance. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return t('admin.dept.seconds', { count: Math.round(seconds * 10) / 10 });
  const minutes = seconds / 60;
  if (minutes < 60) return t('admin.dept.minutes', { count: minutes });
  const rest = minutes % 60;
  return rest === 0
    ? t('admin.dept.hoursShort', { count: minutes / 60 })
    : `${t('admin.dept.hoursShort', { count: Math.floor(minutes / 60) })} ${t('admin.dept.minutes', { count: rest })}`;
}

/** What "the deployment's default" is for this threshold now, or undefined when no figure applies. */
function defaultText(name: Threshold, defaults: DepartmentDefaults | undefined): string | undefined {
  if (!defaults || !(name in defaults)) return undefined;
  const value = defaults[name as keyof DepartmentDefaults];
  if (value === null) return t('admin.dept.mode.offShort');
  return name === 'defaultCapacity' ? String(value) : formatSeconds(value);
}

function modeLabel(name: Threshold, mode: ThresholdMode, defaults: DepartmentDefaults | undefined): string {
  if (mode === 'default') {
    const value = defaultText(name, defaults);
    return value === undefined ? t('admin.dept.mode.default') : t('admin.dept.mode.defaultIs', { value });
  }
  if (mode === 'off') return t(`admin.dept.mode.off.${name}` as TextKey);
  return t(name === 'defaultCapacity' ? 'admin.dept.mode.custom' : 'admin.dept.mode.after');
}

/**
 * One threshold: a choice between the deployment's default, off and a value
 * (only those this threshold has), and the number when a value is chosen.
 * Empty never silently means "off" or "default": the choice says which.
 */
export function ThresholdField(props: {
  name: Threshold;
  draft: ThresholdDraft;
  defaults: DepartmentDefaults | undefined;
  onChange: (draft: ThresholdDraft) => void;
}) {
  const { name, draft, defaults, onChange } = props;
  const label = t(`admin.dept.${name}` as TextKey);
  const id = `dept-${name}`;
  const unit = name === 'defaultCapacity' ? t('admin.dept.unit.chats') : t('admin.dept.unit.seconds');
  return (
    <div className="admin__threshold">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="admin__threshold-row">
        <select
          id={id}
          className="field"
          value={draft.mode}
          onChange={(event) => onChange({ ...draft, mode: event.target.value as ThresholdMode })}
        >
          {THRESHOLD_MODES[name].map((mode) => (
            <option key={mode} value={mode}>
              {modeLabel(name, mode, defaults)}
            </option>
          ))}
        </select>
        {draft.mode === 'value' && (
          <>
            <input
              id={`${id}-value`}
              className="field admin__threshold-number"
              type="number"
              min={name === 'languageFallbackSeconds' ? 0 : 1}
              aria-label={`${label} (${unit})`}
              value={draft.value}
              onChange={(event) => onChange({ ...draft, value: event.target.value })}
            />
            <span className="admin__threshold-unit" aria-hidden="true">
              {unit}
            </span>
          </>
        )}
      </div>
    </div>
  );
}
