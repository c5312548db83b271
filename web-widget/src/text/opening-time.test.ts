import { describe, expect, it } from 'vitest';
import { openingTimeText } from './opening-time';

const now = new Date('2026-11-20T18:30:00Z'); // a Friday evening

describe('openingTimeText', () => {
  it('names the weekday and time in the customer’s zone and language', () => {
    const monday9Paris = '2026-11-23T08:00:00Z';
    expect(openingTimeText('en', monday9Paris, now, 'Europe/Paris')).toMatch(/^Monday.*9:00/);
    expect(openingTimeText('fr', monday9Paris, now, 'Europe/Paris')).toMatch(/^lundi.*09:00/);
    expect(openingTimeText('ru', monday9Paris, now, 'Europe/Paris')).toMatch(/^понедельник.*09:00/);
    expect(openingTimeText('zh-Hans', monday9Paris, now, 'Europe/Paris')).toContain('星期一');
    // The same instant is still Sunday evening in Honolulu.
    expect(openingTimeText('en', monday9Paris, now, 'Pacific/Honolulu')).toMatch(/^Sunday.*10:00/);
  });

  it('adds the date when the opening is more than six days away', () => {
    expect(openingTimeText('en', '2026-12-01T08:00:00Z', now, 'UTC')).toMatch(/December 1/);
    expect(openingTimeText('en', '2026-11-23T08:00:00Z', now, 'UTC')).not.toMatch(/November/);
  });

  it('says nothing for an unreadable time', () => {
    expect(openingTimeText('en', 'soon', now)).toBeNull();
  });
});
