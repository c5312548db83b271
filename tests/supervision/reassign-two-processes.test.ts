import type { ConversationIdle, ConversationView, IdleSessionList, MessagePage } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { TestAgentDesk as Desk } from '../support/agent-desk.js';
import type { TestServer } from '../support/test-server.js';
import {
  auditEntries,
  flagIdle,
  ok,
  openLiveChat,
  openSupervisor,
  setStatus,
  startTwoProcesses,
  stopServers,
  systemEvents,
} from './supervision-support.js';

describe('supervisor reassign across two server processes', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await startTwoProcesses(import.meta.filename);
  });
  afterAll(() => stopServers(b, a));

  it('moves an idle chat to the chosen agent with its history, frees the old agent, respects capacity and audits', async () => {
    const supervisor = await openSupervisor(b);
    const chat = await openLiveChat(a, { agentName: 'Lei' });
    const target: TestAgentDesk = await Desk.open(b, { displayName: 'Mia', capacity: 1 });
    await setStatus(target, 'online');

    await flagIdle(a, chat.conversationId, 'agent-unanswered');
    // The flag set on process A reaches the supervisor connected to B, and the list there has it.
    await supervisor.waitFor(() =>
      supervisor.events.some(
        (e) =>
          e.event === 'conversation.idle' && (e.payload as ConversationIdle).conversationId === chat.conversationId,
      ),
    );
    const idle = ok(await supervisor.request<IdleSessionList>('supervisor.idle.list', {}));
    expect(idle.sessions.map((s) => [s.conversationId, s.reason, s.agentName, s.customerName])).toEqual([
      [chat.conversationId, 'agent-unanswered', 'Lei', 'Marie'],
    ]);

    const view = ok(
      await supervisor.request<ConversationView>('supervisor.reassign', {
        conversationId: chat.conversationId,
        agentId: target.principal.id,
      }),
    );
    expect(view.agent?.id).toBe(target.principal.id);

    // The new agent hears of it and reads the whole history.
    await target.waitFor(() => target.events.some((e) => e.event === 'conversation.transferred'));
    const history = ok(await target.request<MessagePage>('message.history', { conversationId: chat.conversationId }));
    expect(history.messages.map((m) => m.body)).toContain('My battery drains overnight');
    ok(await target.send(chat.conversationId, 'Hi Marie, Mia here.'));
    await chat.customer.waitFor(() => chat.customer.bodies(chat.conversationId).includes('Hi Marie, Mia here.'));
    expect(systemEvents(chat.customer, chat.conversationId)).toContain('conversation.transferred');

    // The old agent lost it: no longer allowed to write, and their room no longer carries it.
    const refused = await chat.desk.send(chat.conversationId, 'still here?');
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    expect(chat.desk.bodies(chat.conversationId)).not.toContain('Hi Marie, Mia here.');

    // Capacity: Mia holds it as routing counts her, and (capacity 1) takes nothing more.
    const counted = await a.app.services.routing.state.agent(target.principal.id);
    expect(counted.active + counted.reserved).toBe(1);
    expect(
      await a.app.services.conversations.model.countDocuments({ agentId: chat.desk.principal.id, status: 'active' }),
    ).toBe(0);
    const second = await openLiveChat(a, { agentName: 'Noor' });
    const full = await supervisor.request('supervisor.reassign', {
      conversationId: second.conversationId,
      agentId: target.principal.id,
    });
    expect(full.ok ? 'ok' : full.error.code).toBe('CONFLICT');
    const stillThere = await a.app.services.conversations.load(second.conversationId);
    expect(stillThere?.agentId?.toHexString()).toBe(second.desk.principal.id);

    // Off the idle list; one audit record naming who, from whom, to whom.
    expect(ok(await supervisor.request<IdleSessionList>('supervisor.idle.list', {})).sessions).toEqual([]);
    const audit = await auditEntries(b, 'conversation.reassign', chat.conversationId);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toMatchObject({ id: supervisor.principal.id, role: 'supervisor' });
    expect(audit[0]?.details).toMatchObject({
      fromAgentId: chat.desk.principal.id,
      toAgentId: target.principal.id,
      idleReason: 'agent-unanswered',
    });
    for (const participant of [supervisor, target, chat.desk, chat.customer, second.desk, second.customer]) {
      participant.disconnect();
    }
  });
});
