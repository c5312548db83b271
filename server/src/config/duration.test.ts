import { describe, expect, it } from 'vitest';
import { durationFromEnv, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads bare milliseconds and units', () => {
    expect(parseDuration('180000')).toBe(180_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('3m')).toBe(180_000);
    expect(parseDuration('3 min')).toBe(180_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration(' 2M ')).toBe(120_000);
    expect(parseDuration('30d')).toBe(2_592_000_000);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', 'soon', '-5s', '3 weeks', '1e3', 's', '3m2s']) expect(parseDuration(text)).toBeUndefined();
  });
});

describe('durationFromEnv', () => {
  const field = durationFromEnv({ min: 100, max: 3_600_000 });

  it('parses within bounds', () => {
    expect(field.parse('2m')).toBe(120_000);
  });

  it('reports out-of-range and malformed values', () => {
    expect(field.safeParse('50').success).toBe(false);
    expect(field.safeParse('2h').success).toBe(false);
    expect(field.safeParse('later').success).toBe(false);
  });
});
