import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AckResult } from '@switchboard/shared';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storedMessages } from '../support/stored.js';

describe('a customer flooding messages (default limits)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
  });
  afterAll(() => server.stop());

  it('gets RATE_LIMITED with a retry-after, stores only what it was acked, and leaves others unaffected', async () => {
    const flooder = new TestCustomer(server.url);
    const neighbour = new TestCustomer(server.url);
    await flooder.connect();
    await neighbour.connect();
    const { conversation } = await flooder.start();
    const other = await neighbour.start({ topic: 'airpods', language: 'en' });

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        flooder.request('message.send', {
          conversationId: conversation.id,
          clientMessageId: randomUUID(),
          body: `spam ${i}`,
        }),
      ),
    );
    const accepted = results.filter((result) => result.ok);
    const limited = results.filter((result) => !result.ok);
    expect(accepted.length).toBe(server.app.config.CUSTOMER_MESSAGE_RATE);
    expect(limited.length).toBe(50 - accepted.length);
    for (const result of limited) {
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', retryable: true, details: { retryAfterMs: expect.any(Number) } },
      });
    }
    expect(
      await storedMessages(server.app).countDocuments({
        conversationId: conversation.id,
        'author.kind': 'customer',
      }),
    ).toBe(accepted.length);

    expect(await neighbour.send(other.conversation.id, 'my AirPods keep disconnecting')).toMatchObject({ ok: true });
    flooder.disconnect();
    neighbour.disconnect();
  });

  it('closes only the socket that sends a frame over the size limit', async () => {
    const big = new TestCustomer(server.url);
    const calm = new TestCustomer(server.url);
    await big.connect();
    await calm.connect();
    const closed = new Promise((resolve) => big.socket.once('disconnect', resolve));
    big.socket.emit('message.send', { body: 'x'.repeat(200_000) });
    expect(await closed).toBe('transport close');
    const { conversation } = await calm.start();
    expect(await calm.send(conversation.id, 'still fine')).toMatchObject({ ok: true });
    calm.disconnect();
  });

  it('one socket at 50 msg/s: RATE_LIMITED with an honest retry-after while a neighbour chats undisturbed', async () => {
    const flooder = new TestCustomer(server.url);
    const neighbour = new TestCustomer(server.url);
    await flooder.connect();
    await neighbour.connect();
    const { conversation } = await flooder.start({ topic: 'iphone-battery', language: 'en' });
    const other = await neighbour.start({ topic: 'airpods', language: 'en' });

    // 100 sends paced at 50 a second (not one burst), with the neighbour talking at the same time.
    const flood: Promise<AckResult<unknown>>[] = [];
    const neighbourSends: Promise<AckResult<unknown>>[] = [];
    for (let i = 0; i < 100; i += 1) {
      flood.push(
        flooder.request('message.send', {
          conversationId: conversation.id,
          clientMessageId: randomUUID(),
          body: `flood ${i}`,
        }),
      );
      if (i % 20 === 0) neighbourSends.push(neighbour.send(other.conversation.id, `calm message ${i / 20}`));
      await sleep(20);
    }
    const results = await Promise.all(flood);
    const accepted = results.filter((result) => result.ok);
    const limited = results.flatMap((result) => (result.ok ? [] : [result.error]));
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThanOrEqual(server.app.config.CUSTOMER_MESSAGE_RATE);
    expect(limited.length).toBe(100 - accepted.length);
    for (const error of limited) {
      expect(error).toMatchObject({
        code: 'RATE_LIMITED',
        retryable: true,
        details: { retryAfterMs: expect.any(Number) },
      });
    }
    for (const result of await Promise.all(neighbourSends)) expect(result).toMatchObject({ ok: true });
    expect(
      await storedMessages(server.app).countDocuments({
        conversationId: conversation.id,
        'author.kind': 'customer',
      }),
    ).toBe(accepted.length);
    expect(flooder.socket.connected).toBe(true);

    // The retry-after is honest: once it has passed, the same socket may send again.
    const retryAfterMs = Math.max(...limited.map((error) => (error.details as { retryAfterMs: number }).retryAfterMs));
    await sleep(retryAfterMs + 100);
    expect(await flooder.send(conversation.id, 'sorry, calmer now')).toMatchObject({ ok: true });
    flooder.disconnect();
    neighbour.disconnect();
  }, 60_000);

  it("an oversized frame on /agent closes that socket only, not the agent's other tab or anyone's chat", async () => {
    const customer = new TestCustomer(server.url);
    await customer.connect();
    const { conversation } = await customer.start({ topic: 'iphone-battery', language: 'en' });
    const desk = await TestAgentDesk.open(server);
    const otherTab = await TestAgentDesk.open(server);
    const closed = new Promise((resolve) => desk.socket.once('disconnect', resolve));
    // Just over the limit, as a binary attachment this time (the frame limit counts bytes, not characters).
    desk.socket.emit('message.send', { conversationId: conversation.id, body: Buffer.alloc(64 * 1024 + 1, 1) });
    expect(await closed).toBe('transport close');
    expect(await otherTab.request('system.ping', { sentAt: 1 })).toMatchObject({ ok: true });
    expect(await customer.send(conversation.id, 'anyone there?')).toMatchObject({ ok: true });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    otherTab.disconnect();
    customer.disconnect();
  });
});
