import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AckResult } from '../ack.js';
import type { MessageSend, MessageSent } from '../messages.js';
import { Outbox } from './outbox.js';

const sent = (payload: MessageSend): AckResult<MessageSent> => ({
  ok: true,
  data: {
    duplicate: false,
    message: {
      id: `id-${payload.clientMessageId}`,
      conversationId: payload.conversationId,
      seq: 1,
      clientMessageId: payload.clientMessageId,
      author: { kind: 'customer' },
      body: payload.body,
      internal: false,
      masked: false,
      createdAt: new Date(0).toISOString(),
    },
  },
});

describe('Outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  let counter = 0;
  const newId = () => `msg-${(counter += 1)}`;

  it('retries a lost ack with the same clientMessageId until acked', async () => {
    const calls: MessageSend[] = [];
    const outbox = new Outbox({
      newId,
      send: (payload) => {
        calls.push(payload);
        return calls.length < 3 ? Promise.reject(new Error('timeout')) : Promise.resolve(sent(payload));
      },
    });
    const entry = outbox.enqueue('c1', 'hello');
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((call) => call.clientMessageId))).toEqual(new Set([entry.clientMessageId]));
    expect(outbox.get(entry.clientMessageId)?.state).toBe('sent');
    expect(outbox.pending()).toEqual([]);
  });

  it('fails at once on a non-retryable error and keeps the code for the UI', async () => {
    const outbox = new Outbox({
      newId,
      send: () =>
        Promise.resolve({ ok: false, error: { code: 'CONVERSATION_CLOSED', message: 'ended', retryable: false } }),
    });
    const entry = outbox.enqueue('c1', 'late');
    await vi.runAllTimersAsync();
    expect(outbox.get(entry.clientMessageId)).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: { code: 'CONVERSATION_CLOSED' },
    });
  });

  it('waits at least retryAfterMs when rate limited', async () => {
    const times: number[] = [];
    const outbox = new Outbox({
      newId,
      backoffMs: () => 10,
      send: (payload) => {
        times.push(Date.now());
        return Promise.resolve(
          times.length === 1
            ? {
                ok: false,
                error: { code: 'RATE_LIMITED', message: 'slow', retryable: true, details: { retryAfterMs: 3000 } },
              }
            : sent(payload),
        );
      },
    });
    outbox.enqueue('c1', 'hi');
    await vi.runAllTimersAsync();
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(3000);
  });

  it('marks an entry failed after the last automatic attempt, and retry() sends it again with the same id', async () => {
    let fail = true;
    const ids: string[] = [];
    const outbox = new Outbox({
      newId,
      maxAttempts: 3,
      send: (payload) => {
        ids.push(payload.clientMessageId);
        return fail ? Promise.reject(new Error('offline')) : Promise.resolve(sent(payload));
      },
    });
    const entry = outbox.enqueue('c1', 'are you there?');
    await vi.runAllTimersAsync();
    expect(outbox.get(entry.clientMessageId)).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: { code: 'TIMEOUT' },
    });
    fail = false;
    outbox.retry(entry.clientMessageId);
    await vi.runAllTimersAsync();
    expect(outbox.get(entry.clientMessageId)?.state).toBe('sent');
    expect(new Set(ids)).toEqual(new Set([entry.clientMessageId]));
  });

  it('flush() resends waiting entries immediately', async () => {
    let calls = 0;
    const outbox = new Outbox({
      newId,
      backoffMs: () => 60_000,
      send: (payload) => ((calls += 1) === 1 ? Promise.reject(new Error('x')) : Promise.resolve(sent(payload))),
    });
    const entry = outbox.enqueue('c1', 'x');
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    outbox.flush();
    await vi.advanceTimersByTimeAsync(1);
    expect(outbox.get(entry.clientMessageId)?.state).toBe('sent');
  });
});
