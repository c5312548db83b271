import { useCallback, useState } from 'react';
import { ApiError } from '../../api/rest.js';
import { hasText, t, type TextKey } from '../../i18n/console.js';

/** A failed admin call, as the form shows it: a sentence and, for bad input, the fields the server named. */
export interface FormError {
  text: string;
  fields: { path: string; message: string }[];
}

const KNOWN = new Set(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED']);

export function toFormError(error: unknown): FormError {
  if (error instanceof ApiError) {
    const details = error.error.details as
      { issues?: { path: string; message: string }[]; reason?: unknown } | undefined;
    // A refusal the server explains with a reason has its own sentence where the app has one.
    const because = typeof details?.reason === 'string' ? `admin.error.reason.${details.reason}` : '';
    const text = hasText(because)
      ? t(because)
      : KNOWN.has(error.error.code)
        ? t(`admin.error.${error.error.code}` as TextKey)
        : t('admin.error', { reason: error.error.message });
    return { text, fields: details?.issues ?? [] };
  }
  return { text: t('admin.error', { reason: String(error) }), fields: [] };
}

/** Runs one admin call at a time and keeps its error for the form. */
export function useAdminRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | undefined>();
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (caught) {
      setError(toFormError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(undefined) };
}
