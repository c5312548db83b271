/** Small statistics helpers for the harness: no dependency, sorted copies only. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** The q-quantile (0..1) by nearest rank; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function spread(runs: readonly number[]): Spread {
  const finite = runs.filter((value) => Number.isFinite(value));
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    runs: [...runs],
  };
}

/** Formats with a sensible number of digits for a table cell. */
export function fmt(value: number, unit = ''): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return `${value.toFixed(digits)}${unit}`;
}

/** "median (min–max)", the form every measured cell takes. */
export function cell(value: Spread, unit = ''): string {
  if (value.runs.length <= 1) return fmt(value.median, unit);
  return `${fmt(value.median, unit)} (${fmt(value.min)}–${fmt(value.max)})`;
}
