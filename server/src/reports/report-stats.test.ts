import { describe, expect, it } from 'vitest';
import { median, percentile } from './report-stats.js';

describe('report statistics', () => {
  it('medians: middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });

  it('p90 by nearest rank', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBe(50);
    expect(percentile([3, 1, 2, 11, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(10);
  });
});
