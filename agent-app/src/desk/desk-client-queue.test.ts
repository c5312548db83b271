import type { AgentView, QueueEntry } from '@switchboard/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskClient } from './desk-client.js';
import { FakeTransport } from '@switchboard/shared/testing';

const agent: AgentView = {
  id: 'a1',
  email: 'lei@example.com',
  displayName: 'Lei',
  role: 'agent',
  status: 'away',
  departmentIds: ['audio'],
  languages: ['en'],
  capacity: 3,
  active: true,
};

const entry = (id: string, fields: Partial<QueueEntry> = {}): QueueEntry => ({
  conversationId: id,
  caseNumber: `SB-${id}`,
  topic: 'earbuds',
  language: 'en',
  departmentId: 'audio',
  queuedAt: new Date(Number(id.replace(/\D/g, '')) * 1000).toISOString(),
  position: 1,
  priority: false,
  offline: false,
  ...fields,
});

describe('DeskClient queue', () => {
  let transport: FakeTransport;
  let client: DeskClient;
  const flush = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    transport = new FakeTransport();
    client = new DeskClient({ createSocket: transport.factory });
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('asks for the whole queue once per (re)connect, then only listens', async () => {
    transport.respond('queue.list', () => ({ ok: true, data: { entries: [entry('q1')] } }));
    transport.serverEmit('session.ready', { agent, conversations: [] });
    await flush();
    expect(client.getState().queue.map((e) => e.conversationId)).toEqual(['q1']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.requests.filter((r) => r.event === 'queue.list')).toHaveLength(1);

    transport.serverEmit('session.ready', { agent, conversations: [] });
    await flush();
    expect(transport.requests.filter((r) => r.event === 'queue.list')).toHaveLength(2);
  });

  it("replaces one queue's entries on a push and keeps the others, oldest wait first", async () => {
    transport.respond('queue.list', () => ({
      ok: true,
      data: { entries: [entry('q5'), entry('g1', { departmentId: undefined })] },
    }));
    transport.serverEmit('session.ready', { agent, conversations: [] });
    await flush();

    transport.serverEmit('queue.changed', { departmentId: 'audio', entries: [entry('q3'), entry('q7')] });
    expect(client.getState().queue.map((e) => e.conversationId)).toEqual(['g1', 'q3', 'q7']);

    // A transfer (priority) goes first; a message left offline last; the general queue emptied.
    transport.serverEmit('queue.changed', {
      departmentId: 'audio',
      entries: [entry('q2', { offline: true }), entry('q3'), entry('q9', { priority: true })],
    });
    transport.serverEmit('queue.changed', { departmentId: null, entries: [] });
    expect(client.getState().queue.map((e) => e.conversationId)).toEqual(['q9', 'q3', 'q2']);
  });

  it('asks for canned responses and articles again when the server says they changed, and after a reconnect', async () => {
    const reloads = vi.fn();
    const desk = new DeskClient({ createSocket: transport.factory, onKnowledgeChanged: reloads });
    transport.serverEmit('session.ready', { agent, conversations: [] });
    await flush();
    expect(reloads).not.toHaveBeenCalled();
    transport.serverEmit('knowledge.changed', { kind: 'canned' });
    expect(reloads).toHaveBeenCalledTimes(1);
    // A push sent while the desk was away never came: the next session reloads anyway.
    transport.serverEmit('session.ready', { agent, conversations: [] });
    await flush();
    expect(reloads).toHaveBeenCalledTimes(2);
    desk.dispose();
  });
});
