import { AppError, isErrorCode } from '@switchboard/shared';
import type { z } from 'zod';

/**
 * Parses untrusted input at a boundary; a failure is a typed VALIDATION_FAILED
 * listing what was wrong, or the more precise code a schema refinement names
 * in `params.appCode` (e.g. PAYLOAD_TOO_LARGE for an oversized message).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 10)
    .map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const named = result.error.issues
    .map((issue) =>
      issue.code === 'custom' ? (issue.params as { appCode?: unknown } | undefined)?.appCode : undefined,
    )
    .find(isErrorCode);
  throw new AppError(named ?? 'VALIDATION_FAILED', 'The request is not valid.', { issues });
}
