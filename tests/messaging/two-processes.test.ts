import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';
import { storedMessages } from '../support/stored.js';

/**
 * Two server instances sharing one database and one Redis namespace, as two
 * processes of a deployment do: everything between them crosses the Redis
 * adapter. (Separate OS processes behind nginx are the reliability suite's job.)
 */
describe('customer on one server process, agent on another', () => {
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    const namespace = uniqueNamespace(import.meta.filename);
    const env = { CUSTOMER_MESSAGE_RATE: '1000', AGENT_MESSAGE_RATE: '1000' };
    first = await startTestServer({ testFile: import.meta.filename, namespace, env });
    second = await startTestServer({ testFile: import.meta.filename, namespace, env });
  });
  afterAll(async () => {
    await second.app.stop();
    await first.stop();
  });

  it('exchanges 100 messages each way with identical ordered histories everywhere', { timeout: 90_000 }, async () => {
    const customer = new TestCustomer(first.url);
    await customer.connect();
    const { conversation } = await customer.start();
    const desk = await TestAgentDesk.open(second, { displayName: 'Lei' });
    await second.app.services.conversations.assign(conversation.id, desk.principal);
    desk.log(conversation.id);

    // A socket's sends are stored one after another, so the last of a burst of 100 waits for 99.
    customer.ackTimeoutMs = desk.ackTimeoutMs = 60_000;
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 100; i += 1) {
      sends.push(customer.send(conversation.id, `customer ${i}`));
      sends.push(desk.send(conversation.id, `agent ${i}`));
    }
    const results = (await Promise.all(sends)) as { ok: boolean }[];
    expect(results.filter((result) => !result.ok)).toEqual([]);

    const stored = (await storedMessages(first.app).find({ conversationId: conversation.id }).sort({ seq: 1 }).lean())
      // The welcome line was stored before either client joined: it comes with their next catch-up.
      .filter((message) => message.system?.event !== 'conversation.started');
    expect(stored).toHaveLength(201); // 200 + "you're chatting with Lei"
    const storedIds = stored.map((message) => message._id.toHexString());
    // Bounded, generous waits: 200 sends into one conversation serialize on its lock.
    await customer.waitFor(() => customer.log(conversation.id).size === 201, 30_000);
    await desk.waitFor(() => desk.log(conversation.id).size === 201, 30_000);
    expect(
      customer
        .log(conversation.id)
        .list()
        .map((m) => m.id),
    ).toEqual(storedIds);
    expect(
      desk
        .log(conversation.id)
        .list()
        .map((m) => m.id),
    ).toEqual(storedIds);
    expect(stored.map((message) => message.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 2));
    // Each side's own order of sending is kept.
    const customerOrder = stored.filter((m) => m.author?.kind === 'customer').map((m) => m.body);
    expect(customerOrder).toEqual(Array.from({ length: 100 }, (_, i) => `customer ${i}`));
    // Live delivery showed each message once on each side.
    expect(new Set(customer.received.map((m) => m.id)).size).toBe(customer.received.length);
    expect(new Set(desk.received.map((m) => m.id)).size).toBe(desk.received.length);
    customer.disconnect();
    desk.disconnect();
  });
});
