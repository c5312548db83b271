import { WEEKDAYS, type DepartmentView, type Locale, type RoutingStrategy, type Weekday } from '@switchboard/shared';

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

/** A department as the form edits it: text the admin types, turned into the REST body by {@link toDepartmentBody}. */
export interface DepartmentDraft {
  id?: string;
  name: string;
  languages: Locale[];
  strategy: RoutingStrategy;
  topics: string;
  timeZone: string;
  weekly: Record<Weekday, string>;
  holidays: string;
  thresholds: Record<Threshold, string>;
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
    languages: department?.languages ?? ['en'],
    strategy: department?.strategy ?? 'least-loaded',
    topics: (department?.topics ?? []).map((topic) => `${topic.key} | ${topic.labels.en ?? ''}`).join('\n'),
    timeZone: department?.hours?.timeZone ?? '',
    weekly,
    holidays: (department?.hours?.holidays ?? []).join('\n'),
    thresholds: Object.fromEntries(
      THRESHOLDS.map((name) => {
        const value = department?.[name];
        return [name, value === undefined || value === null ? '' : String(value)];
      }),
    ) as Record<Threshold, string>,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The PATCH / POST body. Nothing is validated here beyond splitting text:
 * the server's typed VALIDATION_FAILED names the fields that are wrong.
 * Topic labels in other languages are kept from the department as it was.
 */
export function toDepartmentBody(draft: DepartmentDraft, previous?: DepartmentView) {
  const topics = lines(draft.topics).map((line) => {
    const [key = '', label = ''] = line.split('|').map((part) => part.trim());
    const before = previous?.topics.find((topic) => topic.key === key)?.labels ?? {};
    return { key, labels: { ...before, ...(label ? { en: label } : {}) } };
  });
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
  const thresholds = Object.fromEntries(
    THRESHOLDS.map((name) => {
      const text = draft.thresholds[name].trim();
      return [name, text === '' ? null : Number(text)];
    }),
  );
  return { name: draft.name, languages: draft.languages, strategy: draft.strategy, topics, hours, ...thresholds };
}
