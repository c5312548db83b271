import type { AckResult } from '../ack.js';
import type { ErrorPayload } from '../errors.js';
import type { MessageSend, MessageSent, MessageView } from '../messages.js';

export type OutboxState = 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  clientMessageId: string;
  conversationId: string;
  body: string;
  internal: boolean;
  /** An uploaded file the message carries (the body is then its caption, possibly empty). */
  attachmentId?: string;
  state: OutboxState;
  attempts: number;
  /** The stored message once acked. */
  message?: MessageView;
  /** Why it failed (shown as "We couldn't send that — tap to retry"). */
  error?: ErrorPayload;
}

export interface OutboxOptions {
  /**
   * Sends one attempt and resolves with the server's ack; rejects when no ack
   * came in time (e.g. `socket.timeout(ms).emitWithAck('message.send', payload)`).
   */
  send: (payload: MessageSend) => Promise<AckResult<MessageSent>>;
  /** A fresh id per message, reused for all its retries (e.g. `crypto.randomUUID()`). */
  newId: () => string;
  /** Called whenever an entry changes state. */
  onChange?: (entry: OutboxEntry) => void;
  /** Automatic attempts before an entry is marked failed (the user can still retry). */
  maxAttempts?: number;
  /** Delay before attempt n+1 (n ≥ 1). */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => Math.min(10_000, 500 * 2 ** (attempt - 1));

/**
 * Messages on their way to the server. Every retry reuses the message's
 * clientMessageId, so the server stores it once and answers a duplicate with
 * the original ack: a lost ack or a dropped network can delay a message,
 * never double or lose it.
 */
export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly maxAttempts: number;
  private readonly backoff: (attempt: number) => number;

  constructor(private readonly options: OutboxOptions) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoffMs ?? defaultBackoff;
  }

  /** Queues a message and starts sending it. */
  enqueue(conversationId: string, body: string, internal = false, attachmentId?: string): OutboxEntry {
    const entry: OutboxEntry = {
      clientMessageId: this.options.newId(),
      conversationId,
      body,
      internal,
      ...(attachmentId ? { attachmentId } : {}),
      state: 'sending',
      attempts: 0,
    };
    this.entries.set(entry.clientMessageId, entry);
    void this.attempt(entry);
    return entry;
  }

  /** Sends a failed message again (same id), e.g. when the user taps "retry". */
  retry(clientMessageId: string): void {
    const entry = this.entries.get(clientMessageId);
    if (entry?.state !== 'failed') return;
    entry.state = 'sending';
    entry.attempts = 0;
    delete entry.error;
    this.changed(entry);
    void this.attempt(entry);
  }

  /** Sends every waiting entry now (call on reconnect instead of waiting for backoff). */
  flush(): void {
    for (const [id, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(id);
      const entry = this.entries.get(id);
      if (entry) void this.attempt(entry);
    }
  }

  pending(conversationId?: string): OutboxEntry[] {
    return [...this.entries.values()].filter(
      (entry) => entry.state !== 'sent' && (conversationId === undefined || entry.conversationId === conversationId),
    );
  }

  get(clientMessageId: string): OutboxEntry | undefined {
    return this.entries.get(clientMessageId);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    entry.attempts += 1;
    let retryAfterMs = 0;
    try {
      const result = await this.options.send({
        conversationId: entry.conversationId,
        clientMessageId: entry.clientMessageId,
        body: entry.body,
        ...(entry.internal ? { internal: true } : {}),
        ...(entry.attachmentId ? { attachmentId: entry.attachmentId } : {}),
      });
      if (result.ok) {
        entry.state = 'sent';
        entry.message = result.data.message;
        delete entry.error;
        this.changed(entry);
        return;
      }
      entry.error = result.error;
      if (!result.error.retryable) {
        entry.state = 'failed';
        this.changed(entry);
        return;
      }
      const details = result.error.details as { retryAfterMs?: unknown } | undefined;
      if (typeof details?.retryAfterMs === 'number') retryAfterMs = details.retryAfterMs;
    } catch {
      // No ack in time: the message may or may not be stored; the same id makes the retry safe.
    }
    if (entry.attempts >= this.maxAttempts) {
      entry.state = 'failed';
      entry.error ??= { code: 'TIMEOUT', message: 'The server did not answer.', retryable: true };
      this.changed(entry);
      return;
    }
    const delay = Math.max(this.backoff(entry.attempts), retryAfterMs);
    this.timers.set(
      entry.clientMessageId,
      setTimeout(() => {
        this.timers.delete(entry.clientMessageId);
        void this.attempt(entry);
      }, delay),
    );
  }

  private changed(entry: OutboxEntry): void {
    this.options.onChange?.({ ...entry });
  }
}
