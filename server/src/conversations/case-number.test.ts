import { describe, expect, it } from 'vitest';
import { formatCaseNumber } from './case-number.js';

describe('case numbers', () => {
  it('pads the counter to six digits after the year', () => {
    expect(formatCaseNumber(2026, 123)).toBe('SB-2026-000123');
    expect(formatCaseNumber(2027, 1_234_567)).toBe('SB-2027-1234567');
  });
});
