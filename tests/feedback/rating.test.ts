import type { AckResult, ConversationRated } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('conversation.rate: customers rate their own ended chats', () => {
  let server: TestServer;
  let customer: TestCustomer;
  let stranger: TestCustomer;
  let desk: TestAgentDesk;
  let conversationId = '';
  const rate = (who: TestCustomer, payload: unknown) => who.request<ConversationRated>('conversation.rate', payload);
  const code = (result: AckResult<unknown>) => (result.ok ? 'ok' : result.error.code);

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    customer = new TestCustomer(server.url);
    await customer.connect();
    conversationId = (await customer.start()).conversation.id;
    // An advisor answered: only such a chat has help to rate.
    desk = await TestAgentDesk.open(server, { displayName: 'Lei' });
    await server.app.services.conversations.assign(conversationId, desk.principal);
    desk.log(conversationId);
    await desk.send(conversationId, 'Hi, Lei here.');
    stranger = new TestCustomer(server.url);
    await stranger.connect();
    await stranger.start({ topic: 'other', language: 'en' });
  });
  afterAll(async () => {
    customer.disconnect();
    stranger.disconnect();
    desk.disconnect();
    await server.stop();
  });

  it('refuses malformed ratings with VALIDATION_FAILED', async () => {
    for (const payload of [
      { conversationId, rating: 0 },
      { conversationId, rating: 6 },
      { conversationId, rating: 4.5 },
      { conversationId, rating: '5' },
      { conversationId: { $ne: null }, rating: 5 },
      { conversationId, rating: 5, comment: 'x'.repeat(1001) },
      { conversationId, rating: 5, extra: true },
      null,
    ]) {
      expect(code(await rate(customer, payload)), JSON.stringify(payload)).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses a chat that has not ended, and anyone but its customer', async () => {
    expect(code(await rate(customer, { conversationId, rating: 5 }))).toBe('CONFLICT');
    const anonymous = new TestCustomer(server.url);
    await anonymous.connect();
    expect(code(await rate(anonymous, { conversationId, rating: 5 }))).toBe('UNAUTHENTICATED');
    anonymous.disconnect();
    await customer.request('conversation.close', { conversationId });
    expect(code(await rate(stranger, { conversationId, rating: 1 }))).toBe('NOT_FOUND');
  });

  it('stores the rating of an ended chat on the conversation; rating again replaces it', async () => {
    const first = await rate(customer, { conversationId, rating: 4, comment: '  Helpful  ' });
    expect(first).toMatchObject({ ok: true, data: { conversationId, rating: 4, comment: 'Helpful' } });
    const second = await rate(customer, { conversationId, rating: 5 });
    expect(second.ok).toBe(true);
    const stored = await server.app.services.feedback.ratingOf(conversationId);
    expect(stored).toMatchObject({ rating: 5 });
    expect(stored?.comment).toBeUndefined();
  });

  it('refuses a chat no advisor answered: there is nothing to rate', async () => {
    const waited = new TestCustomer(server.url);
    await waited.connect();
    const { conversation } = await waited.start({ topic: 'unanswered', language: 'en' });
    await waited.request('conversation.close', { conversationId: conversation.id });
    const refused = await rate(waited, { conversationId: conversation.id, rating: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await server.app.services.feedback.ratingOf(conversation.id)).toBeNull();
    waited.disconnect();
  });
});
