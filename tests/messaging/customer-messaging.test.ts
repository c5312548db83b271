import { randomUUID } from 'node:crypto';
import { MAX_MESSAGE_BYTES, type MessageSent } from '@switchboard/shared';
import { translate } from '@switchboard/shared/i18n';
import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storedMessages } from '../support/stored.js';

describe('customers start chats and send messages that are stored before they are acked', () => {
  let server: TestServer;
  const customers: TestCustomer[] = [];
  const customer = async () => {
    const created = new TestCustomer(server.url);
    customers.push(created);
    await created.connect();
    return created;
  };
  const storedCount = (filter: Record<string, unknown>) => storedMessages(server.app).countDocuments(filter);

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { CUSTOMER_MESSAGE_RATE: '1000' } });
  });
  afterEach(() => {
    for (const created of customers.splice(0)) created.disconnect();
  });
  afterAll(() => server.stop());

  it('starts a queued conversation with a case number and a visitor token, once per visitor', async () => {
    const marie = await customer();
    const started = await marie.start();
    expect(started.created).toBe(true);
    expect(started.conversation).toMatchObject({
      status: 'queued',
      topic: 'iphone-battery',
      language: 'fr',
      // The welcome line, stored with the chat.
      lastSeq: 1,
    });
    expect(started.conversation.caseNumber).toMatch(/^SB-\d{4}-\d{6}$/);
    // It opens with the case number, before anyone is assigned, in the chat's language; nobody
    // is online here, so it says so rather than promise an advisor shortly.
    await marie.sync();
    expect(marie.log(started.conversation.id).list()).toMatchObject([
      {
        seq: 1,
        author: { kind: 'system' },
        system: {
          event: 'conversation.started',
          params: { caseNumber: started.conversation.caseNumber, teamAway: 'no-agents' },
        },
        body: translate('fr', 'system.started.noAgents', { caseNumber: started.conversation.caseNumber }),
      },
    ]);
    expect(started.visitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.customer).toMatchObject({ name: 'Marie', email: 'marie@example.com', verified: false });

    const again = await marie.start();
    expect(again.created).toBe(false);
    expect(again.conversation.id).toBe(started.conversation.id);
    expect(again.visitorToken).toBeUndefined();
  });

  it('gives chats started at the same time distinct, consecutive case numbers', async () => {
    const visitors = await Promise.all(Array.from({ length: 6 }, () => customer()));
    const started = await Promise.all(visitors.map((visitor) => visitor.start()));
    const numbers = started.map((each) => Number(each.conversation.caseNumber.slice(-6))).sort((a, b) => a - b);
    const first = numbers[0] ?? 0;
    expect(numbers).toEqual(numbers.map((_, index) => first + index));
  });

  it('resumes the visitor and its live conversation from the token after a reload', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    await marie.send(conversation.id, 'Bonjour, ma batterie se vide vite.');
    marie.disconnect();

    const reloaded = new TestCustomer(server.url);
    customers.push(reloaded);
    reloaded.visitorToken = marie.visitorToken;
    await reloaded.connect();
    expect(reloaded.ready?.customer).toMatchObject({ name: 'Marie', verified: false });
    expect(reloaded.ready?.conversations.map((c) => c.id)).toEqual([conversation.id]);
    expect(
      reloaded
        .log(conversation.id)
        .list()
        .map((m) => m.system?.event ?? m.body),
    ).toEqual(['conversation.started', 'Bonjour, ma batterie se vide vite.']);
  });

  it('gives each message the next seq and answers a duplicate with the original ack', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    const first = await marie.send(conversation.id, 'one');
    const clientMessageId = randomUUID();
    const second = await marie.send(conversation.id, 'two', { clientMessageId });
    const retried = await marie.send(conversation.id, 'two', { clientMessageId });
    // Seq 1 is the welcome line.
    expect(first).toMatchObject({ ok: true, data: { duplicate: false, message: { seq: 2 } } });
    expect(second).toMatchObject({ ok: true, data: { duplicate: false, message: { seq: 3, body: 'two' } } });
    const original = (second as { data: MessageSent }).data.message;
    expect(retried).toEqual({ ok: true, data: { duplicate: true, message: original } });
    expect(await storedCount({ clientMessageId })).toBe(1);
  });

  it('stores a message whose ack was lost exactly once when the client retries after reconnecting', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    const clientMessageId = randomUUID();
    // The server stores and acks, but the client never reads the ack: its connection drops first.
    marie.socket.emit('message.send', { conversationId: conversation.id, clientMessageId, body: 'lost ack' });
    await expect.poll(() => storedCount({ clientMessageId }), { timeout: 5_000 }).toBe(1);
    marie.socket.disconnect();

    await marie.connect();
    const retried = await marie.send(conversation.id, 'lost ack', { clientMessageId });
    expect(retried).toMatchObject({ ok: true, data: { duplicate: true, message: { seq: 2, body: 'lost ack' } } });
    expect(await storedCount({ clientMessageId })).toBe(1);
    expect(
      marie
        .log(conversation.id)
        .list()
        .map((m) => m.seq),
    ).toEqual([1, 2]);
  });

  it('answers a retry of a message stored before message ids were derived from the send', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    const clientMessageId = randomUUID();
    const sent = await marie.send(conversation.id, 'sent last year', { clientMessageId });
    expect(sent.ok).toBe(true);
    // As older servers stored it: the same message under a random ObjectId.
    const Message = storedMessages(server.app);
    const stored = await Message.findOne({ clientMessageId }).lean();
    await Message.deleteOne({ clientMessageId });
    await Message.create({ ...stored, _id: new Types.ObjectId() });
    const legacyId = (await Message.findOne({ clientMessageId }).lean())!._id.toHexString();

    const retried = await marie.send(conversation.id, 'sent last year', { clientMessageId });
    expect(retried).toMatchObject({ ok: true, data: { duplicate: true, message: { id: legacyId, seq: 2 } } });
    expect(await storedCount({ clientMessageId })).toBe(1);
    // Found only when its insert collided, after the seq was claimed: that seq is skipped (clients accept gaps).
    const next = await marie.send(conversation.id, 'and today');
    expect(next).toMatchObject({ ok: true, data: { duplicate: false, message: { seq: 4 } } });
  });

  it('takes seqs in Redis, recovers a lost counter from the stored messages, and heals one that lags', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    const { messages, conversations } = server.app.services;
    const redis = server.app.redis.command;
    const seqKey = `${server.app.config.REDIS_PREFIX}:conv:${conversation.id}:seq`;
    const seqOf = (reply: Awaited<ReturnType<typeof marie.send>>) => (reply.ok ? reply.data.message.seq : -1);
    // Seq 1 is the welcome line.
    expect(seqOf(await marie.send(conversation.id, 'first'))).toBe(2);
    expect(seqOf(await marie.send(conversation.id, 'second'))).toBe(3);
    // Redis lost the counter (a restart without persistence): it starts again after the highest stored seq.
    await redis.del(seqKey);
    expect(seqOf(await marie.send(conversation.id, 'third'))).toBe(4);
    // Redis came back with an older counter (a replica behind): seq 2 is taken, the store heals and takes 5.
    await redis.set(seqKey, '1');
    expect(seqOf(await marie.send(conversation.id, 'fourth'))).toBe(5);
    expect(seqOf(await marie.send(conversation.id, 'fifth'))).toBe(6);
    const stored = await storedMessages(server.app)
      .find({ conversationId: new Types.ObjectId(conversation.id) })
      .sort({ seq: 1 })
      .lean();
    expect(stored.map((message) => [message.seq, message.system?.event ?? message.body])).toEqual([
      [1, 'conversation.started'],
      [2, 'first'],
      [3, 'second'],
      [4, 'third'],
      [5, 'fourth'],
      [6, 'fifth'],
    ]);
    // The conversation's own last seq is written behind the messages.
    await messages.flushActivity();
    expect((await conversations.load(conversation.id))?.lastSeq).toBe(6);
    await marie.request('conversation.close', { conversationId: conversation.id });
    await expect(
      messages.store({
        conversationId: new Types.ObjectId(conversation.id),
        author: { kind: 'customer', id: stored[1]?.author?.id ?? '' },
        clientMessageId: randomUUID(),
        body: 'after closing',
      }),
    ).rejects.toMatchObject({ code: 'CONVERSATION_CLOSED' });
  });

  it('masks a card number before storing it and tells the sender', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    const result = await marie.send(conversation.id, 'Ma carte : 4111 1111 1111 1111, merci');
    expect(result).toMatchObject({ ok: true, data: { message: { masked: true } } });
    const body = (result as { data: MessageSent }).data.message.body;
    expect(body).not.toContain('4111 1111 1111 1111');
    expect(body).toContain('1111');
    const stored = await storedMessages(server.app)
      .findOne({ conversationId: conversation.id, 'author.kind': 'customer' })
      .lean();
    expect(stored?.body).toBe(body);
  });

  it('refuses bad input with typed codes, stores nothing and stays healthy', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    const send = (payload: unknown) => marie.request('message.send', payload);
    const base = { conversationId: conversation.id, clientMessageId: randomUUID(), body: 'x' };

    expect(await send({ ...base, conversationId: { $ne: null } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await send({ ...base, clientMessageId: { $gt: '' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await send({ ...base, body: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send({ ...base, body: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send({ ...base, extra: 'field' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send({ ...base, body: 'é'.repeat(MAX_MESSAGE_BYTES / 2 + 1) })).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', retryable: false },
    });
    expect(await send({ ...base, internal: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await send(null)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send(['array'])).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await marie.request('conversation.start', { prechat: { topic: 'x', language: 'klingon' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    for (const timeZone of ['Mars/Olympus', { $ne: '' }, 'Europe/Paris'.repeat(6)]) {
      expect(
        await marie.request('conversation.start', { prechat: { topic: 'x', language: 'fr', timeZone } }),
      ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await marie.request('message.delete', { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_EVENT' },
    });
    expect(await storedCount({ conversationId: conversation.id, 'author.kind': 'customer' })).toBe(0);

    // The socket and the server are still fine (seq 1 is the welcome line).
    expect(await marie.send(conversation.id, 'still here')).toMatchObject({ ok: true, data: { message: { seq: 2 } } });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('refuses messages into a closed conversation but still answers a retry of one it stored', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    const clientMessageId = randomUUID();
    await marie.send(conversation.id, 'before closing', { clientMessageId });
    expect(await marie.request('conversation.close', { conversationId: conversation.id })).toMatchObject({
      ok: true,
      data: { status: 'closed' },
    });
    expect(await marie.send(conversation.id, 'after')).toMatchObject({
      ok: false,
      error: { code: 'CONVERSATION_CLOSED' },
    });
    expect(await marie.send(conversation.id, 'before closing', { clientMessageId })).toMatchObject({
      ok: true,
      data: { duplicate: true },
    });
    // A new start after closing opens a new conversation.
    const next = await marie.start();
    expect(next.created).toBe(true);
    expect(next.conversation.id).not.toBe(conversation.id);
  });

  it('pages older history backwards', async () => {
    const marie = await customer();
    const { conversation } = await marie.start();
    for (let i = 1; i <= 12; i += 1) await marie.send(conversation.id, `m${i}`);
    const newest = await marie.request<{ messages: { seq: number }[]; hasMore: boolean }>('message.history', {
      conversationId: conversation.id,
      limit: 5,
    });
    expect(newest).toMatchObject({ ok: true, data: { hasMore: true } });
    const newestSeqs = newest.ok ? newest.data.messages.map((m) => m.seq) : [];
    // Seq 1 is the welcome line; m1…m12 are 2…13.
    expect(newestSeqs).toEqual([9, 10, 11, 12, 13]);
    const older = await marie.request<{ messages: { seq: number }[]; hasMore: boolean }>('message.history', {
      conversationId: conversation.id,
      beforeSeq: 9,
      limit: 10,
    });
    expect(older.ok && older.data.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(older.ok && older.data.hasMore).toBe(false);
  });
});
