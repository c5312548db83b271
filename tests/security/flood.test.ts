import { randomUUID } from 'node:crypto';
import type { AckResult, ConversationStarted } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storedMessages } from '../support/stored.js';

/**
 * One client flooding the server with requests, reads included, meets
 * RATE_LIMITED (with a retry hint) instead of stalling everyone; other
 * customers keep chatting. The test client plays the trusted proxy
 * (TRUST_PROXY=loopback) so the flooder and the others have addresses of
 * their own, as they would in production. The latency other customers see
 * during such a flood is a benchmark figure (bench/flood.ts), not asserted here.
 */
describe('floods of any event', () => {
  let server: TestServer;
  const open: { disconnect(): void }[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { TRUST_PROXY: 'loopback', CUSTOMER_MESSAGE_RATE: '1000' },
    });
  });
  afterAll(async () => {
    for (const participant of open) participant.disconnect();
    await server.stop();
  });

  const visitor = async (address: string) => {
    const customer = new TestCustomer(server.url, { headers: { 'x-forwarded-for': address } });
    customer.ackTimeoutMs = 60_000;
    open.push(customer);
    await customer.connect();
    const started = await customer.request<ConversationStarted>('conversation.start', { prechat: defaultPrechat });
    if (!started.ok) throw new Error(started.error.code);
    customer.log(started.data.conversation.id);
    return { customer, conversationId: started.data.conversation.id };
  };
  const codes = (results: AckResult<unknown>[]) => {
    const count: Record<string, number> = {};
    for (const result of results) {
      const key = result.ok ? 'ok' : result.error.code;
      count[key] = (count[key] ?? 0) + 1;
    }
    return count;
  };
  const metric = async (name: string) => await server.app.metrics.getSingleMetricAsString(name);

  it('answers 400 concurrent catch-ups of 20 cursors with RATE_LIMITED, while others chat on', async () => {
    const flooder = await visitor('203.0.113.66');
    const others = await Promise.all(['198.51.100.1', '198.51.100.2', '198.51.100.3'].map(visitor));
    const cursors = Array.from({ length: 20 }, () => ({ conversationId: flooder.conversationId, afterSeq: 0 }));
    const flood = Promise.all(
      Array.from({ length: 400 }, () => flooder.customer.request('conversation.sync', { cursors })),
    );
    const sends = Promise.all(
      others.map(({ customer, conversationId }) => customer.send(conversationId, 'still here?')),
    );
    const [flooded, sent] = await Promise.all([flood, sends]);
    const count = codes(flooded);
    expect(count.RATE_LIMITED, JSON.stringify(count)).toBeGreaterThan(350);
    expect((count.ok ?? 0) + count.RATE_LIMITED!).toBe(400);
    const refused = flooded.find((result) => !result.ok);
    expect(refused).toMatchObject({
      ok: false,
      error: { retryable: true, details: { retryAfterMs: expect.any(Number) } },
    });
    for (const result of sent) expect(result).toMatchObject({ ok: true });
    expect(await metric('switchboard_socket_events_refused_total')).toMatch(
      /namespace="customer",reason="(budget|in-flight)"[^}]*} [1-9]/,
    );
  });

  it('bounds queue.status from a visitor and queue.list from an agent the same way', async () => {
    const flooder = await visitor('203.0.113.67');
    const statuses = await Promise.all(
      Array.from({ length: 400 }, () =>
        flooder.customer.request('queue.status', { conversationId: flooder.conversationId }),
      ),
    );
    expect(codes(statuses).RATE_LIMITED).toBeGreaterThan(300);
    const desk = await TestAgentDesk.open(server);
    open.push(desk);
    desk.ackTimeoutMs = 60_000;
    const lists = await Promise.all(Array.from({ length: 400 }, () => desk.request('queue.list', {})));
    expect(codes(lists).RATE_LIMITED).toBeGreaterThan(150);
    // The agent's own chat work is not starved for long: the budget refills within its window.
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    expect(await desk.request('queue.list', {})).toMatchObject({ ok: true });
  });

  it('skips queued work of a client that has gone (load shedding), storing only what it acknowledged or retries', async () => {
    const { customer, conversationId } = await visitor('203.0.113.68');
    const socket = customer.socket;
    // Sends of one socket are stored one after the other: once the first is acknowledged the rest
    // are waiting in line on the server, and the client then goes away.
    const first = new Promise<void>((resolve) => {
      for (let i = 0; i < 40; i += 1) {
        socket.emit('message.send', { conversationId, clientMessageId: randomUUID(), body: `burst ${i}` }, () => {
          if (i === 0) resolve();
        });
      }
    });
    await first;
    socket.disconnect();
    await expect.poll(() => metric('switchboard_socket_events_shed_total')).toMatch(/event="message.send"[^}]*} [1-9]/);
    const stored = await storedMessages(server.app).countDocuments({ conversationId, body: /^burst / });
    expect(stored).toBeGreaterThanOrEqual(1);
    expect(stored).toBeLessThan(40);
  });
});
