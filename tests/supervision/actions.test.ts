import type { ConversationView, QueueListing } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import type { TestServer } from '../support/test-server.js';
import {
  auditEntries,
  flagIdle,
  ok,
  openLiveChat,
  openSupervisor,
  startSupervisionServer,
  systemEvents,
} from './supervision-support.js';

describe('idle-chat actions in one click: requeue at the front, take over, close', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSupervisionServer(import.meta.filename);
  });
  afterAll(() => server.stop());

  it('requeues an idle chat ahead of chats that waited before it, with a system message and an audit record', async () => {
    // Nobody else is online in this test, so both chats stay waiting after the requeue.
    const supervisor = await openSupervisor(server);
    ok(await supervisor.request('agent.status.set', { status: 'away' }));
    const waiting = new TestCustomer(server.url);
    await waiting.connect();
    const earlier = await waiting.start({ ...defaultPrechat, name: 'Ana' });
    const chat = await openLiveChat(server);
    await flagIdle(server, chat.conversationId, 'agent-unanswered');

    const view = ok(
      await supervisor.request<ConversationView>('supervisor.requeue', { conversationId: chat.conversationId }),
    );
    expect(view.status).toBe('queued');
    const queue = ok(await supervisor.request<QueueListing>('queue.list', {}));
    expect(queue.entries.map((entry) => entry.conversationId)).toEqual([chat.conversationId, earlier.conversation.id]);
    await chat.customer.waitFor(() =>
      systemEvents(chat.customer, chat.conversationId).includes('conversation.requeued'),
    );
    const audit = await auditEntries(server, 'conversation.requeue', chat.conversationId);
    expect(audit.map((entry) => [entry.actor.id, entry.details.fromAgentId])).toEqual([
      [supervisor.principal.id, chat.desk.principal.id],
    ]);
    expect((await server.app.services.conversations.load(chat.conversationId))?.idle).toBeNull();
    for (const p of [supervisor, waiting, chat.customer, chat.desk]) p.disconnect();
  });

  it('lets the supervisor take over: they become the agent, the customer is told, it is audited', async () => {
    const supervisor = await openSupervisor(server, { displayName: 'Grace' });
    const chat = await openLiveChat(server);
    await flagIdle(server, chat.conversationId, 'customer-silent');

    const view = ok(
      await supervisor.request<ConversationView>('supervisor.takeover', { conversationId: chat.conversationId }),
    );
    expect(view.agent).toMatchObject({ id: supervisor.principal.id, displayName: 'Grace' });
    await chat.customer.waitFor(() => chat.customer.bodies(chat.conversationId).some((body) => body.includes('Grace')));
    expect(systemEvents(chat.customer, chat.conversationId)).toContain('conversation.transferred');
    ok(await supervisor.send(chat.conversationId, 'Grace here, sorry for the wait.'));
    const refused = await chat.desk.send(chat.conversationId, 'me again');
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    const audit = await auditEntries(server, 'conversation.takeover', chat.conversationId);
    expect(audit.map((entry) => [entry.actor.id, entry.details.toAgentId, entry.details.idleReason])).toEqual([
      [supervisor.principal.id, supervisor.principal.id, 'customer-silent'],
    ]);
    for (const p of [supervisor, chat.customer, chat.desk]) p.disconnect();
  });

  it('closes with the closing message, the transcript on its way, and an audit record', async () => {
    const supervisor = await openSupervisor(server);
    const chat = await openLiveChat(server);

    const view = ok(
      await supervisor.request<ConversationView>('supervisor.close', { conversationId: chat.conversationId }),
    );
    expect(view.status).toBe('closed');
    await chat.customer.waitFor(() => systemEvents(chat.customer, chat.conversationId).includes('conversation.closed'));
    const stored = await server.app.services.conversations.load(chat.conversationId);
    expect(stored?.disposition).toBe('no-response');
    const deliveries = await server.app.services.transcripts.list(stored!._id);
    expect(deliveries.map((delivery) => delivery.trigger)).toEqual(['close']);
    const audit = await auditEntries(server, 'conversation.close', chat.conversationId);
    expect(audit.map((entry) => [entry.actor.id, entry.details.disposition, entry.details.transcript])).toEqual([
      [supervisor.principal.id, 'no-response', true],
    ]);
    // A second close finds nothing in progress and records nothing.
    const again = await supervisor.request('supervisor.close', { conversationId: chat.conversationId });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
    expect(await auditEntries(server, 'conversation.close', chat.conversationId)).toHaveLength(1);
    for (const p of [supervisor, chat.customer, chat.desk]) p.disconnect();
  });
});
