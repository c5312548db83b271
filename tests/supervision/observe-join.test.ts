import type { MessageView, ObservedConversation } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.js';
import {
  auditEntries,
  ok,
  openLiveChat,
  openSupervisor,
  startSupervisionServer,
  systemEvents,
} from './supervision-support.js';

describe('supervisor observe and join', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSupervisionServer(import.meta.filename);
  });
  afterAll(() => server.stop());

  it('observes live without the customer receiving anything', async () => {
    const chat = await openLiveChat(server);
    const supervisor = await openSupervisor(server);
    const customerEventsBefore = chat.customer.events.length;
    const customerMessagesBefore = chat.customer.received.length;

    const observed = ok(
      await supervisor.request<ObservedConversation>('supervisor.observe', { conversationId: chat.conversationId }),
    );
    expect(observed.joined).toBe(false);
    expect(observed.page.messages.map((m) => m.body)).toContain('My battery drains overnight');
    expect(observed.conversation.customer.name).toBe('Marie');

    // Live: both sides' messages reach the observer.
    ok(await chat.customer.send(chat.conversationId, 'Still there?'));
    ok(await chat.desk.send(chat.conversationId, 'Yes — checking your settings now.'));
    await supervisor.waitFor(() =>
      supervisor.bodies(chat.conversationId).includes('Yes — checking your settings now.'),
    );
    expect(supervisor.bodies(chat.conversationId)).toContain('Still there?');

    // The customer got exactly the agent's reply, nothing about the observer (no message, event or receipt).
    await chat.customer.waitFor(() =>
      chat.customer.bodies(chat.conversationId).includes('Yes — checking your settings now.'),
    );
    const newMessages = chat.customer.received
      .slice(customerMessagesBefore)
      .filter((m: MessageView) => m.author.kind !== 'customer')
      .map((m) => m.body);
    expect(newMessages).toEqual(['Yes — checking your settings now.']);
    const newEvents = chat.customer.events.slice(customerEventsBefore).map((e) => e.event);
    expect(newEvents.filter((event) => event !== 'receipt.updated' && event !== 'typing.updated')).toEqual([]);
    expect(await auditEntries(server, 'conversation.join', chat.conversationId)).toEqual([]);

    ok(await supervisor.request('supervisor.unobserve', { conversationId: chat.conversationId }));
    ok(await chat.desk.send(chat.conversationId, 'after unobserve'));
    await chat.customer.waitFor(() => chat.customer.bodies(chat.conversationId).includes('after unobserve'));
    expect(supervisor.bodies(chat.conversationId)).not.toContain('after unobserve');
    for (const p of [supervisor, chat.customer, chat.desk]) p.disconnect();
  });

  it('joins as a participant once, writes to the customer, and leaves', async () => {
    const chat = await openLiveChat(server);
    const supervisor = await openSupervisor(server, { displayName: 'Grace' });
    ok(await supervisor.request('supervisor.observe', { conversationId: chat.conversationId }));

    const joined = ok(
      await supervisor.request<ObservedConversation>('supervisor.join', { conversationId: chat.conversationId }),
    );
    expect(joined.joined).toBe(true);
    // A second join (another tab) announces nothing more.
    ok(await supervisor.request('supervisor.join', { conversationId: chat.conversationId }));
    await chat.customer.waitFor(() => systemEvents(chat.customer, chat.conversationId).includes('agent.joined'));
    ok(await supervisor.send(chat.conversationId, 'Hello Marie, I am helping Lei here.'));
    await chat.customer.waitFor(() =>
      chat.customer.bodies(chat.conversationId).includes('Hello Marie, I am helping Lei here.'),
    );

    const left = ok(
      await supervisor.request<ObservedConversation>('supervisor.leave', { conversationId: chat.conversationId }),
    );
    expect(left.joined).toBe(false);
    await chat.customer.waitFor(() => systemEvents(chat.customer, chat.conversationId).includes('agent.left'));
    expect(systemEvents(chat.customer, chat.conversationId).filter((e) => e === 'agent.joined')).toHaveLength(1);
    const announcements = chat.customer
      .log(chat.conversationId)
      .list()
      .filter((m) => m.system?.event === 'agent.joined' || m.system?.event === 'agent.left');
    expect(announcements.map((m) => [m.system?.event, m.system?.params.agentName])).toEqual([
      ['agent.joined', 'Grace'],
      ['agent.left', 'Grace'],
    ]);
    expect(await auditEntries(server, 'conversation.join', chat.conversationId)).toHaveLength(1);
    expect(await auditEntries(server, 'conversation.leave', chat.conversationId)).toHaveLength(1);
    for (const p of [supervisor, chat.customer, chat.desk]) p.disconnect();
  });
});
