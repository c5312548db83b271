import type { DocumentLocks } from '../infra/document-lock.js';
import type { conversationModels } from './conversation.model.js';
import { counterLockKey } from './conversation-lock.js';

/** `SB-2026-000123`: prefix, year of creation, a counter that restarts every year. */
export function formatCaseNumber(year: number, value: number): string {
  return `SB-${year}-${String(value).padStart(6, '0')}`;
}

/**
 * Next case number from a per-year counter document, incremented under its
 * lock (an `$inc` alone is not atomic on FerretDB v1); the unique index on
 * conversations.caseNumber is the last line of defence.
 */
export async function nextCaseNumber(
  Counter: ReturnType<typeof conversationModels>['Counter'],
  locks: DocumentLocks,
  now: Date = new Date(),
): Promise<string> {
  const year = now.getUTCFullYear();
  const id = `case:${year}`;
  return locks.run(counterLockKey(id), async () => {
    const current = await Counter.findById(id).lean();
    const value = (current?.value ?? 0) + 1;
    await Counter.updateOne({ _id: id }, { $set: { value } }, { upsert: true });
    return formatCaseNumber(year, value);
  });
}
