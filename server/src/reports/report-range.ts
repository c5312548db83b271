import { wallClock, wallDate } from '../infra/wall-clock.js';

/*
 * Calendar days in a time zone ↔ instants, with nothing but Intl: a report
 * "from 2026-03-01 to 2026-03-31 in Europe/Paris" covers the instants from
 * Paris midnight of the first day up to (excluding) Paris midnight after the
 * last, whatever daylight-saving changes happen in between.
 */

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** `YYYY-MM-DD` of `instant` in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  return wallDate(wallClock(instant, timeZone));
}

/**
 * The first instant of a calendar day in the zone. Usually its midnight; where
 * a DST jump skips midnight, the first wall-clock time that exists that day.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // Two passes settle the offset, since it may differ between the guess and the answer.
  let instant = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  instant = midnightAsUtc - offsetAt(instant, timeZone);
  // A skipped midnight lands on the previous day's evening: step forward to this day.
  if (localDate(new Date(instant), timeZone) < date) instant += 3_600_000;
  return new Date(instant);
}

/** The day after `date` (calendar arithmetic, no zone involved). */
export function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = nextDate(date)) dates.push(date);
  return dates;
}

/** The instants a report of these local days covers: `[start, end)`. */
export function reportWindow(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(from, timeZone), end: startOfLocalDay(nextDate(to), timeZone) };
}
