import { isDuplicateKey } from '../infra/app-errors.js';

/**
 * Runs an upsert, once more if it lost a race: two concurrent upserts of the
 * same key can both insert, and the unique index refuses the second, whose
 * retry then finds the winner's document.
 */
export async function upsertWithRetry<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (isDuplicateKey(error)) return upsert();
    throw error;
  }
}
