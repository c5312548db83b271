import type { QueueListing } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import type { TestServer } from '../support/test-server.js';
import {
  eventually,
  ok,
  openLiveChat,
  openSupervisor,
  setStatus,
  startTwoProcesses,
  stopServers,
  systemEvents,
} from './supervision-support.js';

describe('deactivating an agent', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await startTwoProcesses(import.meta.filename);
  });
  afterAll(() => stopServers(b, a));

  it('disconnects their sockets on every process and requeues their live chats at the front', async () => {
    const waiting = new TestCustomer(a.url);
    await waiting.connect();
    const earlier = await waiting.start({ ...defaultPrechat, name: 'Ana' });
    // Away: keeps the assigned chats without routing handing them the waiting one.
    const lei = await TestAgentDesk.open(b, { displayName: 'Lei' });
    await setStatus(lei, 'away');
    const first = await openLiveChat(a, { desk: lei });
    const second = await openLiveChat(a, { desk: lei, prechat: { name: 'Bo' } });
    const supervisor = await openSupervisor(a);
    await setStatus(supervisor, 'away');

    let disconnected = false;
    lei.socket.on('disconnect', () => {
      disconnected = true;
    });
    const admin = await createSignedInAgent(a, { role: 'admin', displayName: 'Ada Admin' });
    const response = await agentFetch(a.url, admin, `/api/agents/${lei.principal.id}`, {
      method: 'PATCH',
      body: { active: false },
    });
    expect(response.status).toBe(200);

    await lei.waitFor(() => disconnected);
    expect(lei.events.find((e) => e.event === 'session.ended')?.payload).toEqual({ reason: 'deactivated' });
    await eventually(async () => {
      const queue = ok(await supervisor.request<QueueListing>('queue.list', {}));
      return queue.entries.length === 3;
    });
    const queue = ok(await supervisor.request<QueueListing>('queue.list', {}));
    // Lei's chats first (front of the queue, in their original order), then the chat that was already waiting.
    expect(queue.entries.map((entry) => [entry.conversationId, entry.priority])).toEqual([
      [first.conversationId, true],
      [second.conversationId, true],
      [earlier.conversation.id, false],
    ]);
    for (const chat of [first, second]) {
      await chat.customer.waitFor(() =>
        systemEvents(chat.customer, chat.conversationId).includes('conversation.requeued'),
      );
    }
    for (const p of [waiting, supervisor, first.customer, second.customer]) p.disconnect();
  });
});
