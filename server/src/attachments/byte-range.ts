import parseRange from 'range-parser';
import type { ByteRange } from './file-store.js';

export type RangeAnswer = { kind: 'whole' } | { kind: 'part'; range: ByteRange } | { kind: 'unsatisfiable' };

/**
 * What a download answers to its `Range` and `If-Range` headers, as express's
 * `res.sendFile` does: one satisfiable range is a 206 with those bytes (a PDF
 * viewer seeking, a download resuming); a range wholly past the end is a 416;
 * anything else — no range, a malformed one, several at once, or an
 * `If-Range` naming other bytes than these — is the whole file, which is
 * always a correct answer.
 */
export function answerRange(
  headers: { range: string | undefined; ifRange: string | undefined },
  size: number,
  etag: string,
): RangeAnswer {
  if (!headers.range) return { kind: 'whole' };
  // Only a strong ETag can vouch that the bytes resumed are the bytes begun; no dates are sent.
  if (headers.ifRange !== undefined && headers.ifRange.trim() !== etag) return { kind: 'whole' };
  const ranges = parseRange(size, headers.range, { combine: true });
  if (ranges === -1) return { kind: 'unsatisfiable' };
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return { kind: 'whole' };
  const [range] = ranges;
  return range ? { kind: 'part', range: { start: range.start, end: range.end } } : { kind: 'whole' };
}
