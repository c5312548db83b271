import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

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
    expect(await server.app.services.messages.model.countDocuments({ conversationId: conversation.id })).toBe(
      accepted.length,
    );

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
});
