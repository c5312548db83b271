import { isDeepStrictEqual } from 'node:util';

/** One changed field as the audit log keeps it: what it was and what it became. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/**
 * The fields of `changes` whose value differs from `before`, each with its old
 * and new value, so the audit log can say "Capacity: 3 → 5" instead of only
 * naming the field. Absent and null count as the same (nothing set).
 */
export function diffOf(
  before: Readonly<Record<string, unknown>> | null,
  changes: Readonly<Record<string, unknown>>,
): Record<string, FieldChange> {
  const diff: Record<string, FieldChange> = {};
  for (const [field, to] of Object.entries(changes)) {
    const from = before?.[field] ?? null;
    if (!isDeepStrictEqual(from, to ?? null)) diff[field] = { from, to: to ?? null };
  }
  return diff;
}
