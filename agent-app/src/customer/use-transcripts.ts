import type { TranscriptDeliveryView, TranscriptRequested } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/rest.js';

/** While an email is on its way, look at the log this often until it is sent or has failed. */
export const PENDING_REFRESH_MS = 3_000;

export interface TranscriptsState {
  /** The delivery log, oldest first; undefined while loading, 'error' when it could not be read. */
  log: TranscriptDeliveryView[] | 'error' | undefined;
  sending: boolean;
  /** Why the last send was refused, for the agent. */
  sendError: string | undefined;
  send: () => void;
}

const isPending = (entry: TranscriptDeliveryView) => entry.status === 'queued' || entry.status === 'retrying';

/**
 * One chat's transcript emails: the delivery log, and "email it now". A click
 * makes one request id, reused until that request is accepted, so a retry
 * after a timeout never sends a second email.
 */
export function useTranscripts(conversationId: string): TranscriptsState {
  const [log, setLog] = useState<TranscriptDeliveryView[] | 'error' | undefined>();
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const requestId = useRef<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api
      .get<{ transcripts: TranscriptDeliveryView[] }>(`/api/conversations/${conversationId}/transcripts`)
      .then((result) => {
        if (live) setLog(result.transcripts);
      })
      .catch(() => {
        if (live) setLog('error');
      });
    return () => {
      live = false;
    };
  }, [conversationId, version]);

  const pending = Array.isArray(log) && log.some(isPending);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      setVersion((n) => n + 1);
    }, PENDING_REFRESH_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [pending, log]);

  const send = useCallback(() => {
    requestId.current ??= crypto.randomUUID();
    setSending(true);
    setSendError(undefined);
    api
      .post<TranscriptRequested>(`/api/conversations/${conversationId}/transcripts`, { requestId: requestId.current })
      .then(() => {
        requestId.current = undefined;
      })
      .catch((error: unknown) => {
        setSendError(error instanceof ApiError ? error.error.message : String(error));
      })
      .finally(() => {
        setSending(false);
        setVersion((n) => n + 1);
      });
  }, [conversationId]);

  return { log, sending, sendError, send };
}
