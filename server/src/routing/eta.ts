/** Handling times kept per department for the estimate (the rolling window of R6). */
export const HANDLING_WINDOW = 50;

/** Median of a sample, or null when it is empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

export interface EtaInput {
  /** 1 = next in line. */
  position: number;
  /** Free slots of online eligible agents right now. */
  freeSlots: number;
  /** Capacity of online eligible agents (free or busy). */
  totalSlots: number;
  /** Median seconds from assignment to close of the department's recent chats; null without data. */
  medianHandlingSeconds: number | null;
}

/**
 * R6, the estimated wait in seconds, or null when there is nothing honest to say.
 *
 * - A free slot for this position (position ≤ free slots): 0, it is being
 *   assigned now.
 * - No online eligible agent (total slots 0) or no handling times yet: null.
 * - Otherwise the chats ahead that free slots cannot take, `position − free`,
 *   are served as slots turn over. With `total` slots each busy for the
 *   median handling time `H`, a slot frees every `H / total` seconds on
 *   average (Little's law), so the wait is `ceil((position − free) × H / total)`.
 */
export function estimateWaitSeconds(input: EtaInput): number | null {
  if (input.totalSlots <= 0) return null;
  if (input.position <= input.freeSlots) return 0;
  if (input.medianHandlingSeconds === null) return null;
  return Math.ceil(((input.position - input.freeSlots) * input.medianHandlingSeconds) / input.totalSlots);
}
