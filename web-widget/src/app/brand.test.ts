import { describe, expect, it } from 'vitest';
import { brandStyle, contrastRatio } from './brand';

describe('brandStyle', () => {
  it('gives every brand colour a text colour at WCAG AA contrast (4.5:1) for small text', () => {
    const short: string[] = [];
    // Every grey and the mid-tones of each hue: the colours where neither white nor near-black is obvious.
    for (let level = 0; level < 256; level += 3) {
      const hex = level.toString(16).padStart(2, '0');
      for (const color of [`#${hex}${hex}${hex}`, `#${hex}0000`, `#00${hex}00`, `#0000${hex}`, `#${hex}${hex}00`]) {
        const style = brandStyle(color)!;
        const ratio = contrastRatio(color, style['--sb-on-brand']!);
        if (ratio < 4.5) short.push(`${color} with ${style['--sb-on-brand']}: ${ratio.toFixed(2)}`);
      }
    }
    expect(short).toEqual([]);
  });

  it('keeps white on the demo blue and near-black on a pale brand', () => {
    expect(brandStyle('#0071e3')?.['--sb-on-brand']).toBe('#ffffff');
    expect(brandStyle('#ffd60a')?.['--sb-on-brand']).toBe('#1d1d1f');
    expect(brandStyle(undefined)).toBeUndefined();
  });
});
