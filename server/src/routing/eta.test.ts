import { describe, expect, it } from 'vitest';
import { estimateWaitSeconds, median } from './eta.js';

describe('median', () => {
  it('is the middle value, the mean of the two middles, or null without data', () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([400, 100, 300, 200])).toBe(250);
    expect(median([])).toBeNull();
  });
});

describe('estimateWaitSeconds', () => {
  it('is 0 while a free slot is there for this position', () => {
    expect(estimateWaitSeconds({ position: 2, freeSlots: 2, totalSlots: 6, medianHandlingSeconds: null })).toBe(0);
  });

  it('is ceil((position − free) × median / total)', () => {
    // 7 ahead of the free slots, 6 slots turning over every 300 s on median: 350 s.
    expect(estimateWaitSeconds({ position: 8, freeSlots: 1, totalSlots: 6, medianHandlingSeconds: 300 })).toBe(350);
    expect(estimateWaitSeconds({ position: 1, freeSlots: 0, totalSlots: 3, medianHandlingSeconds: 100 })).toBe(34);
  });

  it('says unknown (null) rather than invent a number: no agents, or no handling times yet', () => {
    expect(estimateWaitSeconds({ position: 3, freeSlots: 0, totalSlots: 0, medianHandlingSeconds: 300 })).toBeNull();
    expect(estimateWaitSeconds({ position: 3, freeSlots: 0, totalSlots: 6, medianHandlingSeconds: null })).toBeNull();
  });
});
