import { z } from 'zod';

const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?$/;

/**
 * A duration from the environment in milliseconds: a bare number is
 * milliseconds (`180000`), or a number with a unit (`500ms`, `90s`, `3m`,
 * `3min`, `1.5h`, `30d`). Undefined for anything else, so config reports it.
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match?.[1]) return undefined;
  const ms = Math.round(Number(match[1]) * (UNITS[match[2] ?? 'ms'] ?? 1));
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** A zod field for a duration variable, bounded in milliseconds. */
export function durationFromEnv(options: { min: number; max: number }) {
  return z.string().transform((text, context) => {
    const ms = parseDuration(text);
    if (ms === undefined || ms < options.min || ms > options.max) {
      context.addIssue({
        code: 'custom',
        message: `must be a duration between ${options.min} ms and ${options.max} ms, e.g. 180000, 90s or 3m`,
      });
      return z.NEVER;
    }
    return ms;
  });
}
