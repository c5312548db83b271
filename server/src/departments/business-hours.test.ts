import type { BusinessHours } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { isOpenAt, localTime } from './business-hours.js';

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
