import { randomUUID } from 'node:crypto';
import type { AgentConversationView, MessageView } from '@switchboard/shared';
import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storedMessages } from '../support/stored.js';

describe('customers and agents in one conversation', () => {
  let server: TestServer;
  const open: { disconnect(): void }[] = [];
  const track = <T extends { disconnect(): void }>(participant: T) => {
    open.push(participant);
    return participant;
  };

  /** A customer with a conversation assigned to a fresh agent. */
  async function chat() {
    const customer = track(new TestCustomer(server.url));
    await customer.connect();
    const { conversation } = await customer.start();
    const desk = track(await TestAgentDesk.open(server, { displayName: 'Lei' }));
    await server.app.services.conversations.assign(conversation.id, desk.principal);
    desk.log(conversation.id);
    await customer.waitFor(() => customer.bodies(conversation.id).length === 1); // "you're chatting with Lei"
    return { customer, desk, conversationId: conversation.id };
  }

  /** Sends and answers the stored message; a refusal fails the test with its code. */
  async function stored(who: TestCustomer | TestAgentDesk, conversationId: string, body: string) {
    const result = await who.send(conversationId, body);
    if (!result.ok) throw new Error(result.error.code);
    return result.data.message;
  }

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { CUSTOMER_MESSAGE_RATE: '1000', AGENT_MESSAGE_RATE: '1000' },
    });
  });
  afterEach(() => {
    for (const participant of open.splice(0)) participant.disconnect();
  });
  afterAll(() => server.stop());

  it('tells the customer who picked up, in the conversation language', async () => {
    const { customer, conversationId } = await chat();
    const [assigned] = customer.log(conversationId).list();
    expect(assigned).toMatchObject({
      author: { kind: 'system' },
      system: { event: 'conversation.assigned', params: { agentName: 'Lei' } },
    });
    expect(assigned?.body).toContain('Lei');
    const updated = customer.events.filter((e) => e.event === 'conversation.updated').at(-1)?.payload;
    expect(updated).toMatchObject({ status: 'active', agent: { displayName: 'Lei' } });
  });

  it("keeps each side's last message in the live state, and a mirror reloaded from the database assumes the latest", async () => {
    const { customer, desk, conversationId } = await chat();
    const seqOf = async (who: TestCustomer | TestAgentDesk, body: string) =>
      (await stored(who, conversationId, body)).seq;
    const { liveState } = server.app.services.messages;
    const id = new Types.ObjectId(conversationId);
    const question = await seqOf(customer, 'hello?');
    const answer = await seqOf(desk, 'Hi, Lei here.');
    const again = await seqOf(customer, 'thanks');
    expect(await liveState.read(id)).toMatchObject({ turn: 'customer', customerSeq: again, agentSeq: answer });
    expect(question).toBeLessThan(answer);
    // Lost (Redis restarted, or the mirror expired): loaded again, it cannot know who wrote last,
    // so both counts start at the latest message and nothing is taken from a document that may lag.
    await server.app.redis.command.del(`${server.app.config.REDIS_PREFIX}:conv:${conversationId}`);
    expect(await liveState.read(id)).toMatchObject({ customerSeq: again, agentSeq: again, visibleSeq: again });
  });

  it('tells the desk since when the customer has waited: their first unanswered message, not their latest', async () => {
    const { customer, desk, conversationId } = await chat();
    const sent = async (who: TestCustomer | TestAgentDesk, body: string) =>
      (await stored(who, conversationId, body)).createdAt;
    await sent(customer, 'hello?');
    await sent(desk, 'Hi, Lei here.');
    const firstUnanswered = await sent(customer, 'my screen flickers');
    await sent(customer, 'are you there?');
    await sent(customer, 'hello??');
    await server.app.services.messages.flushActivity();
    const waiting = await desk.request<AgentConversationView>('conversation.view', { conversationId });
    expect(waiting).toMatchObject({ ok: true, data: { waitingSince: firstUnanswered } });
    await sent(desk, 'Sorry, checking.');
    await server.app.services.messages.flushActivity();
    const answered = await desk.request<AgentConversationView>('conversation.view', { conversationId });
    expect(answered.ok && answered.data.waitingSince).toBeFalsy();
  });

  it('delivers all 20 agent messages, in order and once, to a customer who was offline', async () => {
    const { customer, desk, conversationId } = await chat();
    customer.disconnect();
    for (let i = 1; i <= 20; i += 1) expect(await desk.send(conversationId, `reply ${i}`)).toMatchObject({ ok: true });
    await customer.connect();
    const replies = customer
      .log(conversationId)
      .list()
      .filter((m) => m.author.kind === 'agent');
    expect(replies.map((m) => m.body)).toEqual(Array.from({ length: 20 }, (_, i) => `reply ${i + 1}`));
    const seqs = customer
      .log(conversationId)
      .list()
      .map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('never sends an internal note to the customer, live or on catch-up', async () => {
    const { customer, desk, conversationId } = await chat();
    expect(await desk.send(conversationId, 'customer seems upset', { internal: true })).toMatchObject({
      ok: true,
      data: { message: { internal: true } },
    });
    await desk.send(conversationId, 'Hi Marie, I can help with that.');
    await customer.waitFor(() => customer.bodies(conversationId).includes('Hi Marie, I can help with that.'));
    expect(customer.received.some((m) => m.internal)).toBe(false);
    await customer.sync();
    expect(customer.bodies(conversationId)).not.toContain('customer seems upset');
    // A fresh desk of the same agent catches up with the note.
    desk.logs.clear();
    desk.log(conversationId);
    await desk.sync();
    expect(desk.bodies(conversationId)).toContain('customer seems upset');
  });

  it("refuses a send that reuses another participant's clientMessageId, instead of acking with their message", async () => {
    const { customer, desk, conversationId } = await chat();
    const note = await desk.send(conversationId, 'card declined twice, check fraud flag', { internal: true });
    const clientMessageId = (note as { data: { message: MessageView } }).data.message.clientMessageId;
    const reply = await customer.send(conversationId, 'hello?', { clientMessageId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { field: 'clientMessageId' } } });
    expect(JSON.stringify(reply)).not.toContain('fraud');
    // Nothing was stored under it for the customer either.
    await customer.sync();
    expect(customer.bodies(conversationId)).not.toContain('hello?');
  });

  it('shows a message whose ack was lost once to the agent after the customer retries', async () => {
    const { customer, desk, conversationId } = await chat();
    const clientMessageId = randomUUID();
    // Stored and acked, but the customer's connection drops before it reads the ack.
    customer.socket.emit('message.send', { conversationId, clientMessageId, body: 'Is anyone there?' });
    await desk.waitFor(() => desk.received.some((m) => m.clientMessageId === clientMessageId));
    customer.disconnect();
    await customer.connect();
    expect(await customer.send(conversationId, 'Is anyone there?', { clientMessageId })).toMatchObject({
      ok: true,
      data: { duplicate: true },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(desk.received.filter((m) => m.clientMessageId === clientMessageId)).toHaveLength(1);
    expect(desk.bodies(conversationId).filter((b) => b === 'Is anyone there?')).toHaveLength(1);
  });

  it('relays typing both ways and read receipts to the customer', async () => {
    const { customer, desk, conversationId } = await chat();
    customer.socket.emit('typing.set', { conversationId, typing: true });
    await desk.waitFor(() => desk.events.some((e) => e.event === 'typing.updated'));
    expect(desk.events.find((e) => e.event === 'typing.updated')?.payload).toMatchObject({
      conversationId,
      side: 'customer',
      typing: true,
      ttlMs: expect.any(Number),
    });
    desk.socket.emit('typing.set', { conversationId, typing: true });
    await customer.waitFor(() => customer.events.some((e) => e.event === 'typing.updated'));
    expect(customer.events.find((e) => e.event === 'typing.updated')?.payload).toMatchObject({
      side: 'agent',
      displayName: 'Lei',
    });

    const sent = await customer.send(conversationId, 'my battery drains');
    const seq = sent.ok ? sent.data.message.seq : -1;
    expect(await desk.request('receipt.update', { conversationId, readSeq: seq + 100 })).toMatchObject({
      ok: true,
      data: { side: 'agent', readSeq: seq, deliveredSeq: seq },
    });
    await customer.waitFor(() => customer.events.some((e) => e.event === 'receipt.updated'));
    expect(customer.events.find((e) => e.event === 'receipt.updated')?.payload).toMatchObject({
      side: 'agent',
      readSeq: seq,
    });
    // Receipts never move backwards.
    expect(await desk.request('receipt.update', { conversationId, readSeq: 0 })).toMatchObject({
      data: { readSeq: seq },
    });
  });

  it('keeps other customers and agents out (NOT_FOUND for customers, FORBIDDEN for agents)', async () => {
    const { conversationId } = await chat();
    const intruder = track(new TestCustomer(server.url));
    await intruder.connect();
    const own = await intruder.start();
    const missing = '0123456789abcdef01234567';
    const probes: [string, (id: string) => unknown][] = [
      ['message.send', (id) => ({ conversationId: id, clientMessageId: randomUUID(), body: 'hi' })],
      ['conversation.sync', (id) => ({ cursors: [{ conversationId: id, afterSeq: 0 }] })],
      ['message.history', (id) => ({ conversationId: id })],
      ['conversation.close', (id) => ({ conversationId: id })],
      ['typing.set', (id) => ({ conversationId: id, typing: true })],
      ['receipt.update', (id) => ({ conversationId: id, readSeq: 1 })],
    ];
    for (const [event, payload] of probes) {
      const foreign = await intruder.request(event, payload(conversationId));
      const absent = await intruder.request(event, payload(missing));
      expect(foreign, event).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(foreign, `${event} answers like a missing id`).toEqual(absent);
    }
    // Mixing in a foreign id does not leak the intruder's own conversation either.
    expect(
      await intruder.request('conversation.sync', {
        cursors: [
          { conversationId: own.conversation.id, afterSeq: 0 },
          { conversationId, afterSeq: 0 },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const otherAgent = track(await TestAgentDesk.open(server));
    expect(await otherAgent.send(conversationId, 'not mine')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await otherAgent.request('conversation.sync', { cursors: [{ conversationId, afterSeq: 0 }] })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
    expect(await storedMessages(server.app).countDocuments({ body: { $in: ['hi', 'not mine'] } })).toBe(0);
  });
});
