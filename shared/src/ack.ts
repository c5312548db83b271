import type { ErrorPayload } from './errors.js';

/** What every acknowledged client event answers. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

/** The callback a client passes as the last argument of an acknowledged event. */
export type Ack<T> = (result: AckResult<T>) => void;

export function ackOk<T>(data: T): AckResult<T> {
  return { ok: true, data };
}

export function ackError(error: ErrorPayload): AckResult<never> {
  return { ok: false, error };
}
