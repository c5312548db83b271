/** The Markdown table (and its rows as JSON): each figure beside its same-run baseline. */
import { cell, fmt, spread, type Spread } from './stats.js';

export interface Row {
  figure: string;
  switchboard: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: string;
}

/** Per-round ratios A_i / B_i (pairs of the alternation), then their median and range. */
export function pairedRatio(a: readonly number[], b: readonly number[]): Spread {
  return spread(a.map((value, index) => value / (b[index] ?? NaN)));
}

export function ratioCell(ratio: Spread): string {
  return ratio.runs.length <= 1
    ? `${fmt(ratio.median)}×`
    : `${fmt(ratio.median)}× (${fmt(ratio.min)}–${fmt(ratio.max)})`;
}

/** A measured row: medians with min–max, the paired ratio and whether the target holds on the median. */
export function measuredRow(options: {
  figure: string;
  a: number[];
  b: number[] | null;
  unit: string;
  target: string;
  /** Decides on the median ratio (or on A's median when there is no baseline). */
  pass?: (ratioMedian: number, aMedian: number) => boolean;
}): Row {
  const a = spread(options.a);
  const ratio = options.b ? pairedRatio(options.a, options.b) : null;
  const verdict = options.pass ? (options.pass(ratio?.median ?? NaN, a.median) ? 'met' : '**missed**') : 'report';
  return {
    figure: options.figure,
    switchboard: cell(a, options.unit),
    baseline: options.b ? cell(spread(options.b), options.unit) : '—',
    ratio: ratio ? ratioCell(ratio) : '—',
    target: options.target,
    verdict,
  };
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| figure | Switchboard | baseline (same run) | ratio | target | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${[row.figure, row.switchboard, row.baseline, row.ratio, row.target, row.verdict].map(escape).join(' | ')} |`,
    ),
  ].join('\n');
}
