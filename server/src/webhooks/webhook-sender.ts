import { WEBHOOK_HEADERS, signatureHeader } from './webhook-signing.js';

export interface SendOutcome {
  ok: boolean;
  /** Worth trying again later (no answer, 5xx, 408, 429); other refusals are final. */
  retryable: boolean;
  responseStatus?: number;
  error?: string;
  latencyMs: number;
}

/** Statuses a receiver sends when it may take the delivery later. */
const RETRYABLE_STATUSES = new Set([408, 425, 429]);

/**
 * One HTTP attempt: POST the body with its signature, wait at most
 * `timeoutMs` for the answer's status, never follow a redirect (a receiver
 * that moved is told so by the failure in its log, not silently posted
 * elsewhere), and read no more of the answer than its status.
 */
export async function sendWebhook(request: {
  url: string;
  deliveryId: string;
  event: string;
  body: string;
  secrets: readonly string[];
  timeoutMs: number;
}): Promise<SendOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Switchboard-Webhooks/1',
        [WEBHOOK_HEADERS.delivery]: request.deliveryId,
        [WEBHOOK_HEADERS.event]: request.event,
        [WEBHOOK_HEADERS.signature]: signatureHeader(request.secrets, Math.floor(Date.now() / 1000), request.body),
      },
      body: request.body,
    });
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status >= 200 && status < 300)
      return { ok: true, retryable: false, responseStatus: status, latencyMs: latency() };
    return {
      ok: false,
      retryable: status >= 500 || RETRYABLE_STATUSES.has(status),
      responseStatus: status,
      error: `HTTP ${status}`,
      latencyMs: latency(),
    };
  } catch (caught) {
    const error = caught as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError';
    const reason = timedOut
      ? `no answer within ${request.timeoutMs} ms`
      : (error.cause?.code ?? error.cause?.message ?? error.message ?? 'request failed');
    return { ok: false, retryable: true, error: reason, latencyMs: latency() };
  }
}
