import { AppError } from '@switchboard/shared';

/** Driver errors that mean "the database is unreachable right now", not "your request is wrong". */
const STORE_OUTAGE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoExpiredSessionError',
]);

export function isStoreOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (STORE_OUTAGE_NAMES.has(error.name)) return true;
  // mongoose with bufferCommands off throws a plain Error while disconnected; FerretDB's
  // SQLite backend answers a write it could not lock in time with SQLITE_BUSY.
  return /Client must be connected|Connection .* (closed|interrupted)|not connected|SQLITE_BUSY|database is locked/i.test(
    error.message,
  );
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * The boundary's view of any throwable: AppErrors as they are, a database
 * outage as a retryable STORE_UNAVAILABLE (the client retries with the same
 * ids, so nothing is lost or doubled), anything else as INTERNAL.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isStoreOutage(error)) {
    return new AppError('STORE_UNAVAILABLE', 'Storage is unavailable; retry shortly.', undefined, { cause: error });
  }
  return AppError.from(error);
}
