import { describe, expect, it } from 'vitest';
import { datesBetween, localDate, reportWindow, startOfLocalDay } from './report-range.js';

describe('report ranges in a time zone', () => {
  it('starts a day at the zone midnight', () => {
    expect(startOfLocalDay('2026-01-15', 'UTC').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfLocalDay('2026-01-15', 'Europe/Paris').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfLocalDay('2026-07-15', 'Europe/Paris').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfLocalDay('2026-01-15', 'America/New_York').toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(startOfLocalDay('2026-01-15', 'Asia/Kolkata').toISOString()).toBe('2026-01-14T18:30:00.000Z');
  });

  it('covers a DST change: the spring day is 23 hours, the autumn day 25', () => {
    const spring = reportWindow('2026-03-29', '2026-03-29', 'Europe/Paris');
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = reportWindow('2026-10-25', '2026-10-25', 'Europe/Paris');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it('finds the first instant of a day whose midnight does not exist', () => {
    // Santiago skips from 00:00 to 01:00 on its spring change (2026-09-06).
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localDate(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDate(new Date(start.getTime() - 1000), 'America/Santiago')).toBe('2026-09-05');
  });

  it('reads the local date of an instant', () => {
    expect(localDate(new Date('2026-01-14T23:30:00Z'), 'Europe/Paris')).toBe('2026-01-15');
    expect(localDate(new Date('2026-01-14T23:30:00Z'), 'UTC')).toBe('2026-01-14');
  });

  it('lists the days of a range, month and year ends included', () => {
    expect(datesBetween('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(datesBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });
});
