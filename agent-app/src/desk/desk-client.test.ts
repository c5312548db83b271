import {
  AppError,
  type AgentConversationView,
  type AgentView,
  type MessagePage,
  type MessageView,
} from '@switchboard/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskClient, type DeskEvent } from './desk-client.js';
import { FakeTransport } from '@switchboard/shared/testing';

const agent: AgentView = {
  id: 'a1',
  email: 'lei@example.com',
  displayName: 'Lei',
  role: 'agent',
  status: 'online',
  departmentIds: [],
  languages: ['en'],
  capacity: 3,
  active: true,
};

const view = (id: string, fields: Partial<AgentConversationView> = {}): AgentConversationView => ({
  id,
  caseNumber: `SB-${id}`,
  status: 'active',
  topic: 'battery',
  language: 'fr',
  lastSeq: 0,
  createdAt: new Date(0).toISOString(),
  agent: { id: 'a1', displayName: 'Lei' },
  customer: { id: `u-${id}`, name: 'Marie', verified: false },
  receipts: { customer: { deliveredSeq: 0, readSeq: 0 }, agent: { deliveredSeq: 0, readSeq: 0 } },
  ...fields,
});

const message = (conversationId: string, seq: number, kind: 'customer' | 'agent' = 'customer'): MessageView => ({
  id: `${conversationId}-m${seq}`,
  conversationId,
  seq,
  clientMessageId: `${conversationId}-cm${seq}`,
  author: { kind },
  body: `message ${seq}`,
  internal: false,
  masked: false,
  createdAt: new Date(seq * 1000).toISOString(),
});

const page = (conversationId: string, seqs: number[], hasMore = false): MessagePage => ({
  conversationId,
  messages: seqs.map((seq) => message(conversationId, seq)),
  hasMore,
});

describe('DeskClient', () => {
  let transport: FakeTransport;
  let client: DeskClient;
  let ids = 0;

  const flush = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    transport = new FakeTransport();
    client = new DeskClient({ createSocket: transport.factory, newId: () => `client-id-${++ids}` });
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  async function ready(conversations: AgentConversationView[], history: Record<string, MessagePage>) {
    transport.respond('message.history', (payload) => {
      const { conversationId } = payload as { conversationId: string };
      return { ok: true, data: history[conversationId] ?? page(conversationId, []) };
    });
    transport.serverEmit('session.ready', { agent, conversations });
    await flush();
  }

  it('loads the newest page of each assigned chat and counts unread customer messages', async () => {
    await ready([view('c1'), view('c2')], { c1: page('c1', [1, 2, 3], true), c2: page('c2', []) });
    const state = client.getState();
    expect(state.connection).toBe('online');
    expect(state.order).toEqual(['c1', 'c2']);
    expect(state.chats.c1?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(state.chats.c1?.hasOlder).toBe(true);
    expect(state.chats.c1?.unread).toBe(3);
  });

  it('shows a broadcast once, marks it delivered and tells the UI', async () => {
    await ready([view('c1')], { c1: page('c1', [1]) });
    const events: DeskEvent[] = [];
    client.onEvent((event) => events.push(event));
    transport.serverEmit('message.created', message('c1', 2));
    transport.serverEmit('message.created', message('c1', 2));
    expect(client.getState().chats.c1?.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(events).toHaveLength(1);
    expect(transport.emitted).toContainEqual({
      event: 'receipt.update',
      payload: { conversationId: 'c1', deliveredSeq: 2 },
    });
  });

  it('retries a send with the same clientMessageId until acked, then shows it once', async () => {
    await ready([view('c1')], { c1: page('c1', [1]) });
    let attempts = 0;
    transport.respond('message.send', (payload) => {
      attempts += 1;
      if (attempts === 1) return 'no-ack';
      const sent = payload as { clientMessageId: string; body: string };
      return {
        ok: true,
        data: {
          message: { ...message('c1', 2, 'agent'), clientMessageId: sent.clientMessageId, body: sent.body },
          duplicate: false,
        },
      };
    });
    client.send('c1', 'Bonjour Marie');
    expect(client.getState().chats.c1?.pending).toHaveLength(1);
    await flush();
    await vi.advanceTimersByTimeAsync(1_000);
    const sends = transport.requests.filter((r) => r.event === 'message.send');
    expect(sends).toHaveLength(2);
    expect(new Set(sends.map((s) => (s.payload as { clientMessageId: string }).clientMessageId)).size).toBe(1);
    const chat = client.getState().chats.c1;
    expect(chat?.pending).toHaveLength(0);
    expect(chat?.messages.map((m) => m.body)).toEqual(['message 1', 'Bonjour Marie']);
  });

  it('sends internal notes flagged as internal', async () => {
    await ready([view('c1')], {});
    transport.respond('message.send', () => 'no-ack');
    client.send('c1', 'customer seems upset', true);
    await flush();
    expect(transport.requests.find((r) => r.event === 'message.send')?.payload).toMatchObject({ internal: true });
  });

  it('catches up from the cursor after a reconnect', async () => {
    await ready([view('c1')], { c1: page('c1', [1, 2]) });
    transport.serverEmit('disconnect', 'transport close');
    expect(client.getState().connection).toBe('reconnecting');
    transport.respond('conversation.sync', (payload) => {
      const [cursor] = (payload as { cursors: { conversationId: string; afterSeq: number }[] }).cursors;
      expect(cursor).toEqual({ conversationId: 'c1', afterSeq: 2 });
      return { ok: true, data: { conversations: [view('c1', { lastSeq: 4 })], pages: [page('c1', [3, 4])] } };
    });
    transport.serverEmit('session.ready', { agent, conversations: [view('c1')] });
    await flush();
    expect(client.getState().connection).toBe('online');
    expect(client.getState().chats.c1?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('adopts a newly assigned conversation and announces it', async () => {
    await ready([], {});
    const events: DeskEvent[] = [];
    client.onEvent((event) => events.push(event));
    transport.respond('conversation.view', () => ({ ok: true, data: view('c9') }));
    transport.serverEmit('conversation.updated', { ...view('c9'), customer: undefined });
    await flush();
    expect(client.getState().order).toEqual(['c9']);
    expect(events).toEqual([{ type: 'assigned', conversationId: 'c9' }]);
  });

  it('pages older history without duplicates', async () => {
    await ready([view('c1')], { c1: page('c1', [51, 52], true) });
    transport.respond('message.history', () => ({ ok: true, data: page('c1', [49, 50, 51], false) }));
    await client.loadOlder('c1');
    expect(client.getState().chats.c1?.messages.map((m) => m.seq)).toEqual([49, 50, 51, 52]);
    expect(client.getState().chats.c1?.hasOlder).toBe(false);
  });

  it('moves the read mark and clears unread', async () => {
    await ready([view('c1')], { c1: page('c1', [1, 2]) });
    client.markRead('c1');
    expect(client.getState().chats.c1?.unread).toBe(0);
    expect(transport.emitted).toContainEqual({
      event: 'receipt.update',
      payload: { conversationId: 'c1', readSeq: 2 },
    });
  });

  it('shows the customer typing until the indicator expires', async () => {
    await ready([view('c1')], {});
    transport.serverEmit('typing.updated', { conversationId: 'c1', side: 'customer', typing: true, ttlMs: 6_000 });
    expect(client.getState().chats.c1?.customerTyping).toBe(true);
    await vi.advanceTimersByTimeAsync(6_001);
    expect(client.getState().chats.c1?.customerTyping).toBe(false);
  });

  it('throttles its own typing indicator, and ends it after a pause', async () => {
    await ready([view('c1')], {});
    client.setTyping('c1', true);
    client.setTyping('c1', true);
    await vi.advanceTimersByTimeAsync(3_500);
    client.setTyping('c1', true);
    client.setTyping('c1', false);
    client.setTyping('c1', false);
    const typing = () =>
      transport.emitted.filter((e) => e.event === 'typing.set').map((e) => (e.payload as { typing: boolean }).typing);
    expect(typing()).toEqual([true, true, false]);
    // A pause with text left in the composer ends the indicator too.
    client.setTyping('c1', true);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(typing()).toEqual([true, true, false, true, false]);
  });

  it('ends the session on session.ended and on an unauthenticated reconnect', async () => {
    await ready([], {});
    transport.serverEmit('session.ended', { reason: 'signed-out' });
    expect(client.getState()).toMatchObject({ connection: 'ended', endReason: 'signed-out' });
    const otherTransport = new FakeTransport();
    const other = new DeskClient({ createSocket: otherTransport.factory });
    otherTransport.serverEmit(
      'connect_error',
      Object.assign(new Error('Sign in first.'), { data: { code: 'UNAUTHENTICATED' } }),
    );
    expect(other.getState()).toMatchObject({ connection: 'ended', endReason: 'expired' });
    other.dispose();
  });

  it('tries a handshake refused for now again while it shows reconnecting, and not one refused for good', async () => {
    await ready([], {});
    transport.refusal = { code: 'STORE_UNAVAILABLE', message: 'The database is away.', retryable: true };
    transport.drop();
    transport.connect(); // Socket.IO's own reconnection, refused: it will not try again by itself.
    expect(client.getState().connection).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.auths).toHaveLength(3);
    transport.refusal = undefined;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(transport.auths).toHaveLength(4);
    await ready([], {});
    expect(client.getState().connection).toBe('online');

    // The session expired meanwhile: to the sign-in page, and no more handshakes.
    transport.refusal = { code: 'UNAUTHENTICATED', message: 'Sign in first.', retryable: false };
    transport.drop();
    transport.connect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.auths).toHaveLength(5);
    expect(client.getState()).toMatchObject({ connection: 'ended', endReason: 'expired' });
  });

  it('drops a chat it transferred away, and adopts one transferred to it', async () => {
    await ready([view('c1')], { c1: page('c1', [1]) });
    transport.respond('conversation.transfer', () => ({ ok: true, data: view('c1', { status: 'queued' }) }));
    await client.transfer('c1', { departmentId: 'd'.repeat(24) }, '  already reset once  ');
    expect(transport.requests.find((r) => r.event === 'conversation.transfer')?.payload).toEqual({
      conversationId: 'c1',
      to: { departmentId: 'd'.repeat(24) },
      note: 'already reset once',
    });
    expect(client.getState().order).toEqual([]);

    const events: DeskEvent[] = [];
    client.onEvent((event) => events.push(event));
    transport.respond('conversation.view', () => ({ ok: true, data: view('c2') }));
    transport.serverEmit('conversation.transferred', { conversationId: 'c2', fromAgentId: 'a9', toAgentId: 'a1' });
    await flush();
    expect(client.getState().order).toEqual(['c2']);
    expect(events).toEqual([{ type: 'assigned', conversationId: 'c2' }]);
  });

  it('picks up a waiting chat and drops it from the queue', async () => {
    await ready([], {});
    const entry = {
      conversationId: 'c5',
      caseNumber: 'SB-5',
      topic: 'battery',
      language: 'en',
      queuedAt: new Date(0).toISOString(),
      position: 1,
      priority: false,
      offline: false,
    };
    transport.respond('queue.list', () => ({ ok: true, data: { entries: [entry] } }));
    await client.refreshQueue();
    expect(client.getState().queue).toHaveLength(1);
    transport.respond('conversation.pickup', () => ({ ok: true, data: view('c5') }));
    transport.respond('conversation.view', () => ({ ok: true, data: view('c5') }));
    await client.pickup('c5');
    expect(client.getState().queue).toEqual([]);
    expect(client.getState().order).toEqual(['c5']);
  });

  it('reports a refused pickup with the server error', async () => {
    await ready([], {});
    transport.respond('conversation.pickup', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'Someone else took this chat.', retryable: false },
    }));
    const refused = client.pickup('c6');
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', message: 'Someone else took this chat.' });
  });

  it('removes every listener on dispose', () => {
    expect(transport.listenerCount()).toBeGreaterThan(0);
    client.dispose();
    expect(transport.listenerCount()).toBe(0);
    expect(transport.disconnects).toBeGreaterThan(0);
  });

  it('keeps a chat that moved to someone else readable, says why, and never writes to or syncs it again', async () => {
    await ready([view('c1'), view('c2')], { c1: page('c1', [1, 2]), c2: page('c2', [1]) });
    const events: DeskEvent[] = [];
    client.onEvent((event) => events.push(event));
    const released = {
      conversationId: 'c1',
      caseNumber: 'SB-c1',
      reason: 'reassigned' as const,
      byName: 'Sam',
      byAgentId: 's1',
      toAgentName: 'Mia',
    };
    transport.serverEmit('conversation.released', released);
    expect(client.getState().chats.c1?.released).toEqual(released);
    expect(client.getState().chats.c1?.messages).toHaveLength(2);
    expect(events).toEqual([{ type: 'released', released }]);

    // Reading it sends no receipt; a reconnect catches up only on the chats still its own.
    const receipts = transport.emitted.filter((e) => e.event === 'receipt.update').length;
    client.markRead('c1');
    expect(transport.emitted.filter((e) => e.event === 'receipt.update')).toHaveLength(receipts);
    transport.respond('conversation.sync', () => ({ ok: true, data: { conversations: [], pages: [] } }));
    await ready([view('c2')], {});
    const synced = transport.requests.filter((r) => r.event === 'conversation.sync');
    expect(synced.map((r) => (r.payload as { cursors: { conversationId: string }[] }).cursors)).toEqual([
      [{ conversationId: 'c2', afterSeq: 1 }],
    ]);

    // Handed back later: the same chat is this agent's again.
    transport.respond('conversation.view', () => ({ ok: true, data: view('c1') }));
    transport.serverEmit('conversation.transferred', { conversationId: 'c1', toAgentId: 'a1' });
    await flush();
    expect(client.getState().chats.c1?.released).toBeUndefined();

    // Dismissed: gone from the desk.
    transport.serverEmit('conversation.released', released);
    client.dismiss('c1');
    expect(client.getState().order).toEqual(['c2']);
  });
});
