import type { BusinessHours, Weekday } from '@switchboard/shared';
import { wallClock, wallDate } from '../infra/wall-clock.js';

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

const pad = (value: number) => String(value).padStart(2, '0');

/** What a clock on the wall in `timeZone` shows at `instant` (Intl applies the zone's DST rules). */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const wall = wallClock(instant, timeZone);
  const weekday = WEEKDAY_BY_SHORT[wall.weekday];
  if (!weekday) throw new Error(`unexpected weekday ${wall.weekday} for ${timeZone}`);
  return { date: wallDate(wall), weekday, time: `${pad(wall.hour)}:${pad(wall.minute)}` };
}

/**
 * Whether a department is open at `instant`, by its business hours in its
 * time zone. No hours means always open; a holiday (date in the department's
 * zone) closes the whole day; otherwise open inside any of the weekday's
 * intervals, `open` inclusive, `close` exclusive.
 */
export function isOpenAt(hours: BusinessHours | null | undefined, instant: Date): boolean {
  if (!hours) return true;
  const local = localTime(instant, hours.timeZone);
  if (hours.holidays.includes(local.date)) return false;
  const intervals = hours.weekly[local.weekday] ?? [];
  return intervals.some((interval) => interval.open <= local.time && local.time < interval.close);
}

/** `Date.getUTCDay()` order: Sunday first. */
const WEEKDAYS_BY_INDEX: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** How far ahead to look for an opening: a year of holidays can close at most 366 days. */
const SEARCH_DAYS = 370;

/** Minutes the zone's wall clock is ahead of UTC at `instant` (Intl applies DST). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const shown = wallClock(instant, timeZone);
  const wall = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute);
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall clock in `timeZone` shows `date` `time`. A time the
 * zone skips (spring forward) moves later by the gap (02:30 on a 02:00→03:00
 * night is 03:30, as Temporal's "compatible" does); a time it shows twice
 * (fall back) is the first of the two.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time === '24:00' ? [24, 0] : (time.split(':').map(Number) as [number, number]);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two offsets around the wall time (before and after a possible transition), earliest match first.
  const candidates = [wall - 36 * 3_600_000, wall + 36 * 3_600_000].map(
    (probe) => wall - offsetMinutes(new Date(probe), timeZone) * 60_000,
  );
  const exact = candidates
    .filter((instant) => {
      const shown = localTime(new Date(instant), timeZone);
      return shown.date === date && shown.time === time;
    })
    .sort((a, b) => a - b)[0];
  if (exact !== undefined) return new Date(exact);
  // In a gap: the clock jumps over it, so opening happens when it lands after it.
  return new Date(Math.max(...candidates));
}

/**
 * When a department next opens after `instant` (a customer offered the
 * offline form is told) — the start of the first opening interval later than
 * now, skipping holidays — or null when it is open now, always open, or has
 * no opening in the coming year.
 */
export function nextOpeningAt(hours: BusinessHours | null | undefined, instant: Date): Date | null {
  if (!hours || isOpenAt(hours, instant)) return null;
  const today = localTime(instant, hours.timeZone);
  const [year, month, day] = today.date.split('-').map(Number) as [number, number, number];
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const calendar = new Date(Date.UTC(year, month - 1, day + offset));
    const date = `${calendar.getUTCFullYear()}-${pad(calendar.getUTCMonth() + 1)}-${pad(calendar.getUTCDate())}`;
    if (hours.holidays.includes(date)) continue;
    const weekday = WEEKDAYS_BY_INDEX[calendar.getUTCDay()];
    const opens = [...(weekday ? (hours.weekly[weekday] ?? []) : [])].map((interval) => interval.open).sort();
    for (const open of opens) {
      const at = zonedInstant(date, open, hours.timeZone);
      if (at.getTime() > instant.getTime()) return at;
    }
  }
  return null;
}
