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
  // Every chat start of the year passes through this one lock, so it is held for a
  // single command: `$inc` is safe under the lock, and the updated document comes back.
  return locks.run(counterLockKey(id), async () => {
    const counter = await Counter.findOneAndUpdate(
      { _id: id },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after', setDefaultsOnInsert: false },
    ).lean();
    return formatCaseNumber(year, counter.value);
  });
}
