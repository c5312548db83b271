import {
  AppError,
  type AgentConversationView,
  type BoardSnapshot,
  type ErrorPayload,
  type IdleSession,
  type MessageView,
  type ObservedConversation,
} from '@switchboard/shared';
import { FakeTransport } from '@switchboard/shared/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SupervisorClient } from './supervisor-client.js';

const board = (queued: number): BoardSnapshot => ({
  departments: [],
  agents: [],
  totals: { queued, offlineWaiting: 0, activeChats: 0, idle: 0, agentsOnline: 1, agentsAway: 0 },
  at: new Date(0).toISOString(),
});

const idle = (conversationId: string): IdleSession => ({
  conversationId,
  caseNumber: `SB-${conversationId}`,
  reason: 'agent-unanswered',
  since: new Date(0).toISOString(),
  topic: 'battery',
  language: 'en',
});

const view = (id: string): AgentConversationView => ({
  id,
  caseNumber: `SB-${id}`,
  status: 'active',
  topic: 'battery',
  language: 'en',
  lastSeq: 2,
  createdAt: new Date(0).toISOString(),
  agent: { id: 'a1', displayName: 'Lei' },
  customer: { id: `u-${id}`, name: 'Marie', verified: false },
  receipts: { customer: { deliveredSeq: 0, readSeq: 0 }, agent: { deliveredSeq: 0, readSeq: 0 } },
});

const message = (conversationId: string, seq: number, body = `message ${seq}`): MessageView => ({
  id: `${conversationId}-m${seq}`,
  conversationId,
  seq,
  clientMessageId: `${conversationId}-cm${seq}`,
  author: { kind: 'customer' },
  body,
  internal: false,
  masked: false,
  createdAt: new Date(seq * 1000).toISOString(),
});

const observed = (id: string, seqs: number[], joined = false): ObservedConversation => ({
  conversation: view(id),
  page: { conversationId: id, messages: seqs.map((seq) => message(id, seq)), hasMore: false },
  joined,
});

describe('SupervisorClient', () => {
  let transport: FakeTransport;
  let client: SupervisorClient;
  const flush = () => vi.advanceTimersByTimeAsync(0);
  const asked = (event: string) => transport.requests.filter((r) => r.event === event).length;

  /** A console on a fresh socket (the server refusing its handshakes while `refusal` is set). */
  const start = async (refusal?: ErrorPayload) => {
    transport = new FakeTransport();
    transport.refusal = refusal;
    transport.respond('supervisor.board.get', () => ({ ok: true, data: board(3) }));
    transport.respond('supervisor.idle.list', () => ({ ok: true, data: { sessions: [idle('c1'), idle('c2')] } }));
    transport.respond('supervisor.observe', (payload: { conversationId: string }) => ({
      ok: true,
      data: observed(payload.conversationId, [1, 2]),
    }));
    client = new SupervisorClient({ createSocket: transport.factory, newId: () => 'whisper-1' });
    await flush();
  };

  beforeEach(async () => {
    vi.useFakeTimers();
    await start();
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('reads the board and the idle chats once connected, then follows the pushed board', () => {
    expect(client.getState()).toMatchObject({ connection: 'online', board: board(3) });
    expect(client.getState().idle.map((session) => session.conversationId)).toEqual(['c1', 'c2']);
    transport.serverEmit('supervisor.board.updated', board(5));
    expect(client.getState().board?.totals.queued).toBe(5);
  });

  it('reads the idle list again once per burst of idle flags', async () => {
    const before = asked('supervisor.idle.list');
    transport.respond('supervisor.idle.list', () => ({ ok: true, data: { sessions: [idle('c3')] } }));
    transport.serverEmit('conversation.idle', {
      conversationId: 'c3',
      caseNumber: 'SB-c3',
      reason: 'agent-unanswered',
    });
    transport.serverEmit('conversation.idle-cleared', { conversationId: 'c1', reason: 'agent-unanswered' });
    transport.serverEmit('conversation.idle', {
      conversationId: 'c4',
      caseNumber: 'SB-c4',
      reason: 'agent-unanswered',
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(asked('supervisor.idle.list')).toBe(before + 1);
    expect(client.getState().idle.map((session) => session.conversationId)).toEqual(['c3']);
  });

  it('observes a chat: focuses it, shows its page, and each live message once', async () => {
    await client.observe('c1');
    expect(client.getState().focused).toBe('c1');
    transport.serverEmit('message.created', message('c1', 3));
    transport.serverEmit('message.created', message('c1', 3));
    transport.serverEmit('message.created', message('c9', 1));
    // The server's conversation.updated carries the plain view: what the desk's view adds is kept.
    const { customer: _customer, receipts: _receipts, ...plain } = view('c1');
    transport.serverEmit('conversation.updated', { ...plain, status: 'closed' });
    const chat = client.getState().observed.c1;
    expect(chat?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(chat?.conversation).toMatchObject({ status: 'closed', customer: { name: 'Marie' } });
    expect(client.getState().observed.c9).toBeUndefined();
  });

  it('observes again what was open after a reconnect (a new socket is in no room)', async () => {
    await client.observe('c1');
    await client.observe('c2', false);
    transport.drop();
    expect(client.getState().connection).toBe('reconnecting');
    const before = asked('supervisor.observe');
    transport.connect();
    await flush();
    expect(client.getState().connection).toBe('online');
    const again = transport.requests.slice(-2).map((r) => r.payload);
    expect(asked('supervisor.observe')).toBe(before + 2);
    expect(again).toEqual([{ conversationId: 'c1' }, { conversationId: 'c2' }]);
  });

  it('connects again when the server lets go of it (a restart), as Socket.IO leaves that to the client', async () => {
    transport.drop('io server disconnect');
    await flush();
    expect(client.getState().connection).toBe('online');
    expect(asked('supervisor.board.get')).toBe(2);
  });

  it('tries a handshake refused for now again while it shows reconnecting, and not one refused for good', async () => {
    client.dispose();
    await start({ code: 'RATE_LIMITED', message: 'Too many connections.', retryable: true });
    expect(client.getState()).toMatchObject({ connection: 'reconnecting', board: null });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.auths).toHaveLength(2);
    transport.refusal = undefined;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(transport.auths).toHaveLength(3);
    expect(client.getState()).toMatchObject({ connection: 'online', board: board(3) });

    // The session expired meanwhile: no more handshakes (the desk beneath takes the agent to sign in).
    transport.refusal = { code: 'UNAUTHENTICATED', message: 'Sign in first.', retryable: false };
    transport.drop();
    transport.connect(); // Socket.IO's own reconnection, refused.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.auths).toHaveLength(4);
  });

  it('drops a chat from the idle list once an action on it is done, and keeps it when refused', async () => {
    transport.respond('supervisor.reassign', () => ({ ok: true, data: view('c1') }));
    await client.reassign('c1', 'a2');
    expect(client.getState().idle.map((session) => session.conversationId)).toEqual(['c2']);
    transport.respond('supervisor.takeover', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'The chat has moved on.', retryable: false },
    }));
    const refused = client.takeover('c2');
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', message: 'The chat has moved on.' });
    expect(client.getState().idle.map((session) => session.conversationId)).toEqual(['c2']);
  });

  it("whispers to the chat's agents as an internal note, shown once it is stored", async () => {
    await client.observe('c1');
    transport.respond('message.send', (payload: { conversationId: string; body: string }) => ({
      ok: true,
      data: { message: { ...message('c1', 3, payload.body), internal: true }, duplicate: false },
    }));
    await client.send('c1', 'Offer the refund', true);
    expect(transport.requests.at(-1)).toEqual({
      event: 'message.send',
      payload: { conversationId: 'c1', clientMessageId: 'whisper-1', body: 'Offer the refund', internal: true },
    });
    transport.serverEmit('message.created', { ...message('c1', 3, 'Offer the refund'), internal: true });
    expect(client.getState().observed.c1?.messages.map((m) => m.body)).toEqual([
      'message 1',
      'message 2',
      'Offer the refund',
    ]);
  });

  it('closes an observed chat and focuses the next one', async () => {
    await client.observe('c1');
    await client.observe('c2');
    transport.respond('supervisor.unobserve', () => ({ ok: true, data: null }));
    await client.unobserve('c2');
    expect(Object.keys(client.getState().observed)).toEqual(['c1']);
    expect(client.getState().focused).toBe('c1');
  });

  it('stops listening and closes its socket on dispose', () => {
    expect(transport.listenerCount()).toBeGreaterThan(0);
    client.dispose();
    expect(transport.listenerCount()).toBe(0);
    expect(transport.connected).toBe(false);
  });
});
