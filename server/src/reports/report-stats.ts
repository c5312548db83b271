/** Order statistics over raw durations (FerretDB has no $percentile; see shared ReportFigures). */

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The middle value; an even count averages the two middle ones. Null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  const at = (index: number) => ordered[index] ?? Number.NaN;
  return ordered.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** Nearest-rank percentile: the smallest value that at least `p` % of the values do not exceed. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const ordered = sorted(values);
  const rank = Math.max(1, Math.ceil((p / 100) * ordered.length));
  return ordered[rank - 1] ?? null;
}

export const roundTo = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};
