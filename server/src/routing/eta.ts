/** Handling times kept per department for the estimate (a rolling window of recent chats). */
export const HANDLING_WINDOW = 50;

/** Median of a sample, or null when it is empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** Mean of a sample, or null when it is empty. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** What a queue's recent handling times (seconds, assignment to close) tell: the median shown, the mean the estimate uses. */
export interface HandlingSummary {
  medianHandlingSeconds: number | null;
  meanHandlingSeconds: number | null;
}

export function summarizeHandling(values: readonly number[]): HandlingSummary {
  return { medianHandlingSeconds: median(values), meanHandlingSeconds: mean(values) };
}

export interface EtaInput {
  /** 1 = next in line. */
  position: number;
  /** Free slots of online eligible agents right now. */
  freeSlots: number;
  /** Capacity of online eligible agents (free or busy). */
  totalSlots: number;
  /** Mean seconds from assignment to close of the department's recent chats; null without data. */
  meanHandlingSeconds: number | null;
}

/**
 * The estimated wait in seconds, or null when there is nothing honest to say.
 *
 * - A free slot for this position (position ≤ free slots): 0, it is being
 *   assigned now.
 * - No online eligible agent (total slots 0) or no handling times yet: null.
 * - Otherwise the chats ahead that free slots cannot take, `position − free`,
 *   are served as slots turn over. With `total` slots each busy for `H` on
 *   average, a slot frees every `H / total` seconds (Little's law), so the
 *   wait is `ceil((position − free) × H / total)`. `H` is the mean, not the
 *   median: handling times are skewed (a few chats take far longer), and the
 *   long ones hold their slot all that time; with the median the estimate ran
 *   low by as much as the spread (bench/scenarios/wait-estimate.ts measures it).
 */
export function estimateWaitSeconds(input: EtaInput): number | null {
  if (input.totalSlots <= 0) return null;
  if (input.position <= input.freeSlots) return 0;
  if (input.meanHandlingSeconds === null) return null;
  return Math.ceil(((input.position - input.freeSlots) * input.meanHandlingSeconds) / input.totalSlots);
}
