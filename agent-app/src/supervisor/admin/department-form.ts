import {
  AUTO_REQUEUE_OFF,
  SUPPORTED_LOCALES,
  WEEKDAYS,
  type DepartmentView,
  type Locale,
  type RoutingStrategy,
  type Weekday,
} from '@switchboard/shared';

export const THRESHOLDS = [
  'defaultCapacity',
  'languageFallbackSeconds',
  'maxQueueWaitSeconds',
  'customerIdleNudgeSeconds',
  'customerIdleCloseSeconds',
  'agentReplySlaSeconds',
  'autoRequeueSeconds',
] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/**
 * What a threshold can be set to: the deployment's default, off (never / no
 * limit), or a value. Each offers only what it means on the server: a null
 * capacity or idle threshold is the deployment's, a null language fallback or
 * queue limit is "never", and auto-requeue has all three (`'off'` is off).
 */
export type ThresholdMode = 'default' | 'off' | 'value';
export const THRESHOLD_MODES: Readonly<Record<Threshold, readonly ThresholdMode[]>> = {
  defaultCapacity: ['default', 'value'],
  languageFallbackSeconds: ['off', 'value'],
  maxQueueWaitSeconds: ['off', 'value'],
  customerIdleNudgeSeconds: ['default', 'value'],
  customerIdleCloseSeconds: ['default', 'value'],
  agentReplySlaSeconds: ['default', 'value'],
  autoRequeueSeconds: ['default', 'off', 'value'],
};

export interface ThresholdDraft {
  mode: ThresholdMode;
  /** The number typed, used in `value` mode. */
  value: string;
}

function thresholdDraft(name: Threshold, stored: number | string | null | undefined): ThresholdDraft {
  if (typeof stored === 'number') return { mode: 'value', value: String(stored) };
  if (stored === AUTO_REQUEUE_OFF) return { mode: 'off', value: '' };
  // Null: whatever null means for this field, the first of its modes.
  return { mode: THRESHOLD_MODES[name][0] ?? 'default', value: '' };
}

/** The REST value of one threshold; text that is no number goes as typed, so the server names the field. */
function thresholdValue(name: Threshold, draft: ThresholdDraft): number | string | null {
  if (draft.mode === 'default') return null;
  if (draft.mode === 'off') return name === 'autoRequeueSeconds' ? AUTO_REQUEUE_OFF : null;
  const text = draft.value.trim();
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** Languages a topic label can be given in besides English (which the topics field itself carries). */
export type TranslatedLocale = Exclude<Locale, 'en'>;
export const TRANSLATED_LOCALES = SUPPORTED_LOCALES.filter((locale): locale is TranslatedLocale => locale !== 'en');

/** A department as the form edits it: text the admin types, turned into the REST body by {@link toDepartmentBody}. */
export interface DepartmentDraft {
  id?: string;
  name: string;
  /** The name customers read, per language (empty: the English one, else `name`). */
  names: Record<Locale, string>;
  /** Topic labels per other language, one `key | label` per line. */
  topicLabels: Record<TranslatedLocale, string>;
  languages: Locale[];
  strategy: RoutingStrategy;
  topics: string;
  timeZone: string;
  weekly: Record<Weekday, string>;
  holidays: string;
  thresholds: Record<Threshold, ThresholdDraft>;
}

/** A new department starts as the server would create it: any language after a minute, the rest by default. */
function newThreshold(name: Threshold): ThresholdDraft {
  return name === 'languageFallbackSeconds' ? { mode: 'value', value: '60' } : thresholdDraft(name, null);
}

const emptyWeek = () => Object.fromEntries(WEEKDAYS.map((day) => [day, ''])) as Record<Weekday, string>;

export function toDepartmentDraft(department?: DepartmentView): DepartmentDraft {
  const weekly = emptyWeek();
  for (const day of WEEKDAYS) {
    weekly[day] = (department?.hours?.weekly[day] ?? []).map((range) => `${range.open}-${range.close}`).join(', ');
  }
  return {
    ...(department ? { id: department.id } : {}),
    name: department?.name ?? '',
    names: Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, department?.names[locale] ?? ''])) as Record<
      Locale,
      string
    >,
    topicLabels: Object.fromEntries(
      TRANSLATED_LOCALES.map((locale) => [
        locale,
        (department?.topics ?? [])
          .filter((topic) => topic.labels[locale] !== undefined)
          .map((topic) => `${topic.key} | ${topic.labels[locale] ?? ''}`)
          .join('\n'),
      ]),
    ) as Record<TranslatedLocale, string>,
    languages: department?.languages ?? ['en'],
    strategy: department?.strategy ?? 'least-loaded',
    topics: (department?.topics ?? []).map((topic) => `${topic.key} | ${topic.labels.en ?? ''}`).join('\n'),
    timeZone: department?.hours?.timeZone ?? '',
    weekly,
    holidays: (department?.hours?.holidays ?? []).join('\n'),
    thresholds: Object.fromEntries(
      THRESHOLDS.map((name) => [name, department ? thresholdDraft(name, department[name]) : newThreshold(name)]),
    ) as Record<Threshold, ThresholdDraft>,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** `key | label` lines as pairs (a line without a bar is a key without a label). */
const keyedLines = (text: string) =>
  lines(text).map((line) => {
    const [key = '', label = ''] = line.split('|').map((part) => part.trim());
    return { key, label };
  });

/**
 * The PATCH / POST body. Nothing is validated here beyond splitting text:
 * the server's typed VALIDATION_FAILED names the fields that are wrong.
 * The topics field lists the topics; the other languages' fields only label
 * them (a key listed there alone is not a topic).
 */
export function toDepartmentBody(draft: DepartmentDraft) {
  const translated = TRANSLATED_LOCALES.map((locale) => ({
    locale,
    labels: new Map(keyedLines(draft.topicLabels[locale]).map(({ key, label }) => [key, label])),
  }));
  const topics = keyedLines(draft.topics).map(({ key, label }) => {
    const labels: Partial<Record<Locale, string>> = label ? { en: label } : {};
    for (const { locale, labels: byKey } of translated) {
      const text = byKey.get(key);
      if (text) labels[locale] = text;
    }
    return { key, labels };
  });
  const names: Partial<Record<Locale, string>> = {};
  for (const locale of SUPPORTED_LOCALES) {
    const text = draft.names[locale].trim();
    if (text) names[locale] = text;
  }
  const weekly = Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      draft.weekly[day]
        .split(',')
        .map((range) => range.trim())
        .filter(Boolean)
        .map((range) => {
          const [open = '', close = ''] = range.split('-').map((part) => part.trim());
          return { open, close };
        }),
    ]),
  );
  const hours =
    draft.timeZone.trim() === '' ? null : { timeZone: draft.timeZone.trim(), weekly, holidays: lines(draft.holidays) };
  const thresholds = Object.fromEntries(THRESHOLDS.map((name) => [name, thresholdValue(name, draft.thresholds[name])]));
  return {
    name: draft.name,
    names,
    languages: draft.languages,
    strategy: draft.strategy,
    topics,
    hours,
    ...thresholds,
  };
}
