import { describe, expect, it } from 'vitest';
import { estimateWaitSeconds, mean, median, summarizeHandling } from './eta.js';

describe('median and mean', () => {
  it('is the middle value, the mean of the two middles, or null without data', () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([400, 100, 300, 200])).toBe(250);
    expect(median([])).toBeNull();
  });

  it('averages, or null without data', () => {
    expect(mean([100, 300, 200])).toBe(200);
    expect(mean([])).toBeNull();
  });

  it('summarizes a skewed window: the median shown, the mean the estimate uses', () => {
    // Most chats take 5 minutes, one took an hour: it held its slot all that time.
    const window = [300, 300, 300, 300, 3600];
    expect(summarizeHandling(window)).toEqual({ medianHandlingSeconds: 300, meanHandlingSeconds: 960 });
    expect(summarizeHandling([])).toEqual({ medianHandlingSeconds: null, meanHandlingSeconds: null });
  });
});

describe('estimateWaitSeconds', () => {
  it('is 0 while a free slot is there for this position', () => {
    expect(estimateWaitSeconds({ position: 2, freeSlots: 2, totalSlots: 6, meanHandlingSeconds: null })).toBe(0);
  });

  it('is ceil((position − free) × mean / total)', () => {
    // 7 ahead of the free slots, 6 slots turning over every 300 s on average: 350 s.
    expect(estimateWaitSeconds({ position: 8, freeSlots: 1, totalSlots: 6, meanHandlingSeconds: 300 })).toBe(350);
    expect(estimateWaitSeconds({ position: 1, freeSlots: 0, totalSlots: 3, meanHandlingSeconds: 100 })).toBe(34);
  });

  it('says unknown (null) rather than invent a number: no agents, or no handling times yet', () => {
    expect(estimateWaitSeconds({ position: 3, freeSlots: 0, totalSlots: 0, meanHandlingSeconds: 300 })).toBeNull();
    expect(estimateWaitSeconds({ position: 3, freeSlots: 0, totalSlots: 6, meanHandlingSeconds: null })).toBeNull();
  });
});
