import type { BusinessHours } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { isOpenAt, localTime, nextOpeningAt } from './business-hours.js';

const weekdays9to18 = (timeZone: string, holidays: string[] = []): BusinessHours => ({
  timeZone,
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ open: '09:00', close: '18:00' }]]),
  ),
  holidays,
});

describe('business hours', () => {
  it('reads the wall clock of the zone, DST included', () => {
    // 2026-07-06 is a Monday; Paris is UTC+2 in summer, New York UTC−4, Shanghai UTC+8.
    const instant = new Date('2026-07-06T07:30:00Z');
    expect(localTime(instant, 'Europe/Paris')).toEqual({ date: '2026-07-06', weekday: 'mon', time: '09:30' });
    expect(localTime(instant, 'America/New_York')).toEqual({ date: '2026-07-06', weekday: 'mon', time: '03:30' });
    expect(localTime(instant, 'Asia/Shanghai')).toEqual({ date: '2026-07-06', weekday: 'mon', time: '15:30' });
    // Winter: Paris is UTC+1.
    expect(localTime(new Date('2026-01-05T08:00:00Z'), 'Europe/Paris').time).toBe('09:00');
  });

  it('is open inside the interval in the department zone, not the server zone', () => {
    const instant = new Date('2026-07-06T07:30:00Z'); // Monday
    expect(isOpenAt(weekdays9to18('Europe/Paris'), instant)).toBe(true);
    expect(isOpenAt(weekdays9to18('America/New_York'), instant)).toBe(false);
    expect(isOpenAt(weekdays9to18('Asia/Shanghai'), instant)).toBe(true);
  });

  it('opens inclusive and closes exclusive', () => {
    const paris = weekdays9to18('Europe/Paris');
    expect(isOpenAt(paris, new Date('2026-07-06T07:00:00Z'))).toBe(true); // 09:00
    expect(isOpenAt(paris, new Date('2026-07-06T06:59:00Z'))).toBe(false); // 08:59
    expect(isOpenAt(paris, new Date('2026-07-06T16:00:00Z'))).toBe(false); // 18:00
  });

  it('crosses the date line: Friday evening in New York is Saturday in Shanghai', () => {
    const instant = new Date('2026-07-10T22:00:00Z'); // Fri 18:00 New York, Sat 06:00 Shanghai
    expect(localTime(instant, 'Asia/Shanghai').weekday).toBe('sat');
    const shanghaiWeekend: BusinessHours = {
      timeZone: 'Asia/Shanghai',
      weekly: { sat: [{ open: '06:00', close: '24:00' }] },
      holidays: [],
    };
    expect(isOpenAt(shanghaiWeekend, instant)).toBe(true);
    expect(isOpenAt(weekdays9to18('America/New_York'), instant)).toBe(false);
  });

  it('closes all day on a holiday of the zone, and is always open without hours', () => {
    const christmas = weekdays9to18('Europe/Paris', ['2026-12-25']); // a Friday
    expect(isOpenAt(christmas, new Date('2026-12-25T10:00:00Z'))).toBe(false);
    expect(isOpenAt(christmas, new Date('2026-12-24T10:00:00Z'))).toBe(true);
    // 23:30 UTC on the 24th is already the 25th in Paris.
    const lateShift: BusinessHours = { ...christmas, weekly: { thu: [{ open: '00:00', close: '24:00' }] } };
    expect(isOpenAt(lateShift, new Date('2026-12-24T23:30:00Z'))).toBe(false);
    expect(isOpenAt(null, new Date())).toBe(true);
  });

  it('several intervals a day (lunch break)', () => {
    const split: BusinessHours = {
      timeZone: 'UTC',
      weekly: {
        mon: [
          { open: '09:00', close: '12:00' },
          { open: '13:00', close: '17:00' },
        ],
      },
      holidays: [],
    };
    expect(isOpenAt(split, new Date('2026-07-06T12:30:00Z'))).toBe(false);
    expect(isOpenAt(split, new Date('2026-07-06T13:30:00Z'))).toBe(true);
  });
});

describe('next opening time', () => {
  const iso = (hours: BusinessHours | null, instant: string) => nextOpeningAt(hours, new Date(instant))?.toISOString();

  it('is the next interval start in the zone: after hours, over the weekend, later the same day', () => {
    // Friday 19:00 in Paris (summer, UTC+2) → Monday 09:00 Paris.
    expect(iso(weekdays9to18('Europe/Paris'), '2026-07-10T17:00:00Z')).toBe('2026-07-13T07:00:00.000Z');
    // Monday 07:00 in Paris → 09:00 the same morning.
    expect(iso(weekdays9to18('Europe/Paris'), '2026-07-06T05:00:00Z')).toBe('2026-07-06T07:00:00.000Z');
    const split: BusinessHours = {
      timeZone: 'UTC',
      weekly: {
        mon: [
          { open: '13:00', close: '17:00' },
          { open: '09:00', close: '12:00' },
        ],
      },
      holidays: [],
    };
    expect(iso(split, '2026-07-06T12:30:00Z')).toBe('2026-07-06T13:00:00.000Z');
  });

  it('crosses DST changes with the clock of the zone, not a fixed offset', () => {
    // Paris springs forward on Sunday 29 March 2026: Saturday (UTC+1) → Monday 09:00 at UTC+2.
    expect(iso(weekdays9to18('Europe/Paris'), '2026-03-28T12:00:00Z')).toBe('2026-03-30T07:00:00.000Z');
    // And falls back on Sunday 25 October: Saturday (UTC+2) → Monday 09:00 at UTC+1.
    expect(iso(weekdays9to18('Europe/Paris'), '2026-10-24T12:00:00Z')).toBe('2026-10-26T08:00:00.000Z');
    // An opening inside the skipped hour (New York, 8 March 2026, 02:00 → 03:00) opens 03:30 EDT.
    const night: BusinessHours = {
      timeZone: 'America/New_York',
      weekly: { sun: [{ open: '02:30', close: '05:00' }] },
      holidays: [],
    };
    expect(iso(night, '2026-03-07T12:00:00Z')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('skips holidays of the zone', () => {
    // Thursday 24 December, 20:00 in Paris; Friday 25 is a holiday → Monday 28, 09:00 (UTC+1).
    const christmas = weekdays9to18('Europe/Paris', ['2026-12-25']);
    expect(iso(christmas, '2026-12-24T19:00:00Z')).toBe('2026-12-28T08:00:00.000Z');
    // Without the holiday it would have been Friday.
    expect(iso(weekdays9to18('Europe/Paris'), '2026-12-24T19:00:00Z')).toBe('2026-12-25T08:00:00.000Z');
  });

  it('is null when open now, always open, or never opening', () => {
    expect(iso(weekdays9to18('Europe/Paris'), '2026-07-06T08:00:00Z')).toBeUndefined();
    expect(iso(null, '2026-07-06T08:00:00Z')).toBeUndefined();
    expect(iso({ timeZone: 'UTC', weekly: {}, holidays: [] }, '2026-07-06T08:00:00Z')).toBeUndefined();
  });

  it('reads the date in the zone: Friday evening in New York is already Saturday in Shanghai', () => {
    // Fri 18:00 New York = Sat 06:00 Shanghai → Shanghai opens Monday 09:00 (UTC+8).
    expect(iso(weekdays9to18('Asia/Shanghai'), '2026-07-10T22:00:00Z')).toBe('2026-07-13T01:00:00.000Z');
  });
});
