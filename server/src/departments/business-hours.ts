import type { BusinessHours, Weekday } from '@switchboard/shared';

/** Wall-clock reading of an instant in a time zone. */
export interface LocalTime {
  /** `YYYY-MM-DD` in the zone (holidays are written this way). */
  date: string;
  weekday: Weekday;
  /** `HH:MM`, 24-hour, zero-padded, so string comparison orders times. */
  time: string;
}

const WEEKDAY_BY_SHORT: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

// Building a DateTimeFormat is the expensive part; routing asks every pass.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock on the wall in `timeZone` shows at `instant` (Intl applies the zone's DST rules). */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const weekday = WEEKDAY_BY_SHORT[parts.weekday ?? ''];
  if (!weekday) throw new Error(`unexpected weekday ${String(parts.weekday)} for ${timeZone}`);
  return {
    date: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    weekday,
    time: `${parts.hour ?? ''}:${parts.minute ?? ''}`,
  };
}

/**
 * R1: whether a department is open at `instant`. No hours means always open;
 * a holiday (date in the department's zone) closes the whole day; otherwise
 * open inside any of the weekday's intervals, `open` inclusive, `close` exclusive.
 */
export function isOpenAt(hours: BusinessHours | null | undefined, instant: Date): boolean {
  if (!hours) return true;
  const local = localTime(instant, hours.timeZone);
  if (hours.holidays.includes(local.date)) return false;
  const intervals = hours.weekly[local.weekday] ?? [];
  return intervals.some((interval) => interval.open <= local.time && local.time < interval.close);
}
