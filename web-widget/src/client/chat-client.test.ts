import type { ConversationView } from '@switchboard/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatClient } from './chat-client';
import { FakeChatServer } from './fake-chat-server.test-helper';
import { memoryTokenStore, type TokenStore } from './token-store';

const TOKEN = 'a'.repeat(43);
const conversation: ConversationView = {
  id: 'c'.repeat(24),
  caseNumber: 'SB-2026-000001',
  status: 'active',
  topic: 'general',
  language: 'en',
  lastSeq: 0,
  createdAt: new Date(0).toISOString(),
};

let ids = 0;
function setup(tokens: TokenStore = memoryTokenStore(TOKEN)) {
  const server = new FakeChatServer(conversation);
  const socket = server.transport;
  const client = new ChatClient({
    tokens,
    newId: () => `client-id-${++ids}`,
    ackTimeoutMs: 1_000,
    createSocket: socket.factory,
  });
  const ready = async () => {
    socket.serverEmit('session.ready', { customer: { id: 'u1', verified: false }, conversations: [conversation] });
    await vi.advanceTimersByTimeAsync(0);
  };
  return { client, server, socket, ready };
}

describe('ChatClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resumes from the stored visitor token and catches up the live chat', async () => {
    const { client, server, socket, ready } = setup();
    server.storeFromAgent('Hello Marie', false);
    expect(socket.auths[0]).toMatchObject({ protocolVersion: 1, visitorToken: TOKEN });
    await ready();
    expect(client.getSnapshot().conversation?.id).toBe(conversation.id);
    expect(client.getSnapshot().messages.map((m) => m.body)).toEqual(['Hello Marie']);
    expect(socket.requests.find((r) => r.event === 'conversation.sync')?.payload).toEqual({
      cursors: [{ conversationId: conversation.id, afterSeq: 0 }],
    });
  });

  it('tries again, waiting longer each time, when the server refuses the handshake for now', async () => {
    const { socket, ready } = setup();
    const refuse = () =>
      socket.serverEmit(
        'connect_error',
        Object.assign(new Error('busy'), { data: { code: 'RATE_LIMITED', retryable: true } }),
      );
    const connects = () => socket.auths.length;
    const before = connects();
    refuse();
    await vi.advanceTimersByTimeAsync(1_000); // first wait: 0.5–1 s
    expect(connects()).toBe(before + 1);
    refuse();
    await vi.advanceTimersByTimeAsync(900); // second wait: 1–2 s, not yet over
    expect(connects()).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(connects()).toBe(before + 2);
    // Connected at last: the next refusal starts from the short wait again.
    await ready();
    refuse();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connects()).toBe(before + 3);
    // A refusal that will not change (this origin may not chat) is not retried.
    socket.serverEmit(
      'connect_error',
      Object.assign(new Error('no'), { data: { code: 'ORIGIN_NOT_ALLOWED', retryable: false } }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connects()).toBe(before + 3);
  });

  it('keeps an assignment that reached it before the answer to its start, and after the catch-up read', async () => {
    const { client, socket } = setup();
    socket.serverEmit('session.ready', { customer: null, conversations: [] });
    await vi.advanceTimersByTimeAsync(0);
    const created = { ...conversation, status: 'queued' as const, lastSeq: 1, rev: 0 };
    const agent = { id: 'a1', displayName: 'Lei' };
    const assigned = { ...created, status: 'active' as const, lastSeq: 2, rev: 1, agent };
    // Routing assigned the chat as it was created: its update overtakes the start's answer.
    socket.respond('conversation.start', () => {
      socket.serverEmit('conversation.updated', assigned);
      return { ok: true, data: { conversation: created, customer: { id: 'u1', verified: false }, created: true } };
    });
    // The catch-up after the start answers a view read before the assignment: the later one stays.
    socket.respond('conversation.sync', () => ({
      ok: true,
      data: { conversations: [created], pages: [{ conversationId: created.id, messages: [], hasMore: false }] },
    }));
    expect((await client.start({ topic: 'general', language: 'en' })).ok).toBe(true);
    expect(client.getSnapshot().conversation).toMatchObject({ status: 'active', agent: { displayName: 'Lei' } });
  });

  it('forgets a token the server does not know', async () => {
    const tokens = memoryTokenStore(TOKEN);
    const { socket } = setup(tokens);
    socket.serverEmit('session.ready', { customer: null, conversations: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(tokens.get()).toBeNull();
  });

  it('keeps the token given when a chat starts and presents it on the next connect', async () => {
    const tokens = memoryTokenStore();
    const { client, socket } = setup(tokens);
    expect(socket.auths[0]?.visitorToken).toBeUndefined();
    socket.respond('conversation.start', () => ({
      ok: true,
      data: { conversation, customer: { id: 'u1', verified: false }, visitorToken: TOKEN, created: true },
    }));
    const started = await client.start({ topic: 'general', language: 'en' });
    expect(started.ok).toBe(true);
    expect(tokens.get()).toBe(TOKEN);
    socket.drop('io server disconnect');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(socket.connected).toBe(true);
    expect(socket.auths[1]?.visitorToken).toBe(TOKEN);
  });

  it('retries a lost ack with the same clientMessageId and shows the message once', async () => {
    const { client, server, socket, ready } = setup();
    await ready();
    server.lostSendAcks = 1;
    client.send('My order never arrived');
    expect(client.getSnapshot().pending.map((entry) => entry.state)).toEqual(['sending']);
    await vi.advanceTimersByTimeAsync(5_000);
    const sends = server.sends();
    expect(sends.length).toBe(2);
    expect(new Set(sends.map((send) => send.clientMessageId)).size).toBe(1);
    expect(server.stored.length).toBe(1);
    // The broadcast of the same message arrives too: still shown once.
    socket.serverEmit('message.created', server.stored[0]);
    const state = client.getSnapshot();
    expect(state.messages.map((m) => m.body)).toEqual(['My order never arrived']);
    expect(state.pending).toEqual([]);
  });

  it('marks a message failed after its attempts, and a retry reuses its id', async () => {
    const server = new FakeChatServer(conversation);
    const client = new ChatClient({
      tokens: memoryTokenStore(TOKEN),
      newId: () => `client-id-${++ids}`,
      ackTimeoutMs: 500,
      maxAttempts: 2,
      createSocket: server.transport.factory,
    });
    server.transport.serverEmit('session.ready', {
      customer: { id: 'u1', verified: false },
      conversations: [conversation],
    });
    await vi.advanceTimersByTimeAsync(0);
    server.lostSendAcks = 2;
    client.send('Hello?');
    await vi.advanceTimersByTimeAsync(3_000);
    const [failed] = client.getSnapshot().pending;
    expect(failed?.state).toBe('failed');
    client.retry(failed!.clientMessageId);
    await vi.advanceTimersByTimeAsync(0);
    expect(new Set(server.sends().map((send) => send.clientMessageId))).toEqual(new Set([failed!.clientMessageId]));
    expect(client.getSnapshot().messages.map((m) => m.body)).toEqual(['Hello?']);
  });

  it('sends what was typed offline once, and catches up from the cursor after reconnecting', async () => {
    const { client, server, socket, ready } = setup();
    await ready();
    server.storeFromAgent('First', true);
    socket.drop();
    client.send('Typed while offline');
    server.storeFromAgent('Missed while offline', false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.sends()).toEqual([]);
    socket.connect();
    await ready();
    await vi.advanceTimersByTimeAsync(0);
    const syncs = socket.requests.filter((r) => r.event === 'conversation.sync').map((r) => r.payload);
    expect(syncs.at(-1)).toEqual({ cursors: [{ conversationId: conversation.id, afterSeq: 1 }] });
    expect(server.sends().map((send) => send.body)).toEqual(['Typed while offline']);
    expect(client.getSnapshot().messages.map((m) => [m.seq, m.body])).toEqual([
      [1, 'First'],
      [2, 'Missed while offline'],
      [3, 'Typed while offline'],
    ]);
  });

  it('shows the agent typing until the TTL runs out', async () => {
    const { client, socket, ready } = setup();
    await ready();
    socket.serverEmit('typing.updated', {
      conversationId: conversation.id,
      side: 'agent',
      displayName: 'Lei',
      typing: true,
      ttlMs: 6_000,
    });
    expect(client.getSnapshot().agentTyping).toEqual({ name: 'Lei' });
    await vi.advanceTimersByTimeAsync(6_001);
    expect(client.getSnapshot().agentTyping).toBeNull();
  });

  it('throttles its own typing events', async () => {
    const { client, socket, ready } = setup();
    await ready();
    for (let i = 0; i < 10; i += 1) client.setTyping(true);
    await vi.advanceTimersByTimeAsync(5_000);
    const typing = socket.emitted
      .filter((e) => e.event === 'typing.set')
      .map((e) => (e.payload as { typing: boolean }).typing);
    expect(typing).toEqual([true, false]);
  });
});
