import { z } from 'zod';

/**
 * A link shown to people or followed by their browsers: http(s) only, never
 * `javascript:` or `data:` (which run or render whatever they carry).
 */
export const webUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(2048);

/** Control characters (CR, LF, tab, …) and the Unicode line and paragraph separators. */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/u;

/**
 * A name or label: one line of text, trimmed. Line breaks and other control
 * characters are refused: a name with "\r\nBcc: …" in it must never reach an
 * email (where it would read as a header line) or a log.
 */
export function singleLineSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !LINE_BREAKING.test(text), 'must be one line, without control characters');
}
