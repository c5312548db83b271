import type { BoardSnapshot, ConversationReleased, ConversationView, QueueListing } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { signIn, TEST_PASSWORD } from '../support/agent-client.js';
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
} from './supervision-support.js';

const releasedOf = (desk: TestAgentDesk, conversationId: string) =>
  desk.events
    .filter((e) => e.event === 'conversation.released')
    .map((e) => e.payload as ConversationReleased)
    .filter((payload) => payload.conversationId === conversationId);

/** A second tab of the same agent, connected to another process. */
async function secondTab(email: string, server: TestServer): Promise<TestAgentDesk> {
  return TestAgentDesk.openSession(server.url, await signIn(server.url, email, TEST_PASSWORD));
}

describe("the previous owner's desk when a chat leaves them (two processes)", () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await startTwoProcesses(import.meta.filename);
  });
  afterAll(() => stopServers(b, a));

  it('tells every tab of the old agent, on every process, at once and why: reassigned, taken over, requeued', async () => {
    const supervisor = await openSupervisor(b, { displayName: 'Sam' });
    const lei = await TestAgentDesk.open(b, { displayName: 'Lei', capacity: 3 });
    await setStatus(lei, 'online');

    // Marie's chat, her desk on A, a second tab of hers on B.
    const marieEmail = `marie-${Date.now()}@example.com`;
    const marie = await TestAgentDesk.open(a, { displayName: 'Marie', email: marieEmail, capacity: 5 });
    const marieOnB = await secondTab(marieEmail, b);
    const first = await openLiveChat(a, { desk: marie });
    ok(
      await supervisor.request('supervisor.reassign', {
        conversationId: first.conversationId,
        agentId: lei.principal.id,
      }),
    );
    for (const tab of [marie, marieOnB]) {
      await tab.waitFor(() => releasedOf(tab, first.conversationId).length === 1);
      expect(releasedOf(tab, first.conversationId)[0]).toEqual({
        conversationId: first.conversationId,
        caseNumber: first.caseNumber,
        reason: 'reassigned',
        byName: 'Sam',
        byAgentId: supervisor.principal.id,
        toAgentName: 'Lei',
      });
    }
    // Nothing of the chat reaches her any more, on either process.
    ok(await lei.send(first.conversationId, 'Lei here, I have your case.'));
    await first.customer.waitFor(() =>
      first.customer.bodies(first.conversationId).includes('Lei here, I have your case.'),
    );
    expect(marie.bodies(first.conversationId)).not.toContain('Lei here, I have your case.');
    expect(marieOnB.bodies(first.conversationId)).not.toContain('Lei here, I have your case.');

    const second = await openLiveChat(b, { desk: marie, agentServer: a });
    ok(await supervisor.request('supervisor.takeover', { conversationId: second.conversationId }));
    await marieOnB.waitFor(() => releasedOf(marieOnB, second.conversationId).length === 1);
    expect(releasedOf(marieOnB, second.conversationId)[0]).toMatchObject({
      reason: 'taken-over',
      byName: 'Sam',
      toAgentName: 'Sam',
    });
    await marie.waitFor(() => releasedOf(marie, second.conversationId).length === 1);

    const third = await openLiveChat(a, { desk: marie });
    await setStatus(lei, 'away');
    ok(await supervisor.request('supervisor.requeue', { conversationId: third.conversationId }));
    await marie.waitFor(() => releasedOf(marie, third.conversationId).length === 1);
    expect(releasedOf(marie, third.conversationId)[0]).toMatchObject({ reason: 'requeued', byName: 'Sam' });

    // Her own transfer to a colleague: her other tab drops it too.
    const fourth = await openLiveChat(a, { desk: marie });
    await setStatus(lei, 'online');
    ok(
      await marie.request('conversation.transfer', {
        conversationId: fourth.conversationId,
        to: { agentId: lei.principal.id },
      }),
    );
    await marieOnB.waitFor(() => releasedOf(marieOnB, fourth.conversationId).length === 1);
    expect(releasedOf(marieOnB, fourth.conversationId)[0]).toMatchObject({
      reason: 'transferred',
      byName: 'Marie',
      toAgentName: 'Lei',
    });

    // A reconnecting desk does not get the moved chats back.
    marieOnB.disconnect();
    const again = await secondTab(marieEmail, a);
    expect(again.ready?.conversations.map((c) => c.id)).toEqual([]);
    for (const p of [supervisor, lei, marie, again, first.customer, second.customer, third.customer, fourth.customer]) {
      p.disconnect();
    }
  });

  it('lets a supervisor take over from the console without going online or joining routing', async () => {
    const grace = await TestAgentDesk.open(a, { displayName: 'Grace', role: 'supervisor', capacity: 1 });
    expect(grace.ready?.agent.status).toBe('offline');
    const chat = await openLiveChat(b, { agentName: 'Noor' });
    const view = ok(
      await grace.request<ConversationView>('supervisor.takeover', { conversationId: chat.conversationId }),
    );
    expect(view.agent?.id).toBe(grace.principal.id);
    // Still offline; she writes to the customer and the old agent was told.
    const stored = await a.app.services.agents.getById(grace.principal.id);
    expect(stored?.status).toBe('offline');
    ok(await grace.send(chat.conversationId, 'Grace here — I will finish this with you.'));
    await chat.desk.waitFor(() => releasedOf(chat.desk, chat.conversationId).length === 1);

    // A second take-over beyond her capacity of one still works: it is an override, not a routed slot.
    const other = await openLiveChat(b, { agentName: 'Omar' });
    ok(await grace.request('supervisor.takeover', { conversationId: other.conversationId }));
    const counted = await a.app.services.routing.state.agent(grace.principal.id);
    expect(counted.active + counted.reserved).toBe(2);
    // The console's view of her load follows (written behind).
    await eventually(async () => (await a.app.services.agents.getById(grace.principal.id))?.activeChats === 2);

    // Routing never offers her a waiting chat: she is not online.
    const waiting = new TestCustomer(a.url);
    await waiting.connect();
    const started = await waiting.start({ ...defaultPrechat, name: 'Ivy' });
    await a.app.services.routing.sweep();
    await eventually(async () =>
      ok(await grace.request<QueueListing>('queue.list', {})).entries.some(
        (entry) => entry.conversationId === started.conversation.id,
      ),
    );
    expect((await a.app.services.conversations.load(started.conversation.id))?.status).toBe('queued');
    const board = ok(await grace.request<BoardSnapshot>('supervisor.board.get', {}));
    expect(board.agents.find((agent) => agent.id === grace.principal.id)).toMatchObject({ status: 'offline', load: 2 });

    // Taking over one's own chat, or a chat no longer in progress, changes nothing.
    const mine = await grace.request('supervisor.takeover', { conversationId: chat.conversationId });
    expect(mine.ok ? 'ok' : mine.error.code).toBe('CONFLICT');
    for (const p of [grace, chat.customer, chat.desk, other.customer, other.desk, waiting]) p.disconnect();
  });
});
