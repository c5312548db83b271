import type { MessagePage } from '@switchboard/shared';
import { departmentCreateSchema } from '@switchboard/shared/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Agents of one department: a colleague may look at a chat while it waits in
 * their queue (to decide whether to take it), but once it is a colleague's
 * chat — active or closed — its messages and internal notes are not theirs to
 * read, on any read path; supervisors read everything. Read receipts, which
 * tell the customer "read", need the chat's own agent.
 */
describe('department colleagues and read receipts', () => {
  let server: TestServer;
  let departmentId: string;
  const open: { disconnect(): void }[] = [];
  const track = <T extends { disconnect(): void }>(participant: T) => {
    open.push(participant);
    return participant;
  };

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    const department = await server.app.services.departments.create(
      departmentCreateSchema.parse({
        name: 'Audio',
        topics: [{ key: 'earbuds', labels: { en: 'Earbuds' } }],
        languages: ['en'],
        hours: null,
      }),
    );
    departmentId = department.id;
  });
  afterAll(async () => {
    for (const participant of open) participant.disconnect();
    await server.stop();
  });

  async function team() {
    const fields = { departmentIds: [departmentId], languages: ['en' as const] };
    const [lei, colleague, supervisor] = await Promise.all([
      TestAgentDesk.open(server, { ...fields, displayName: 'Lei' }),
      createSignedInAgent(server, { ...fields, displayName: 'Colleague' }),
      createSignedInAgent(server, { ...fields, role: 'supervisor', displayName: 'Sue' }),
    ]);
    const colleagueDesk = track(await TestAgentDesk.openSession(server.url, colleague));
    const supervisorDesk = track(await TestAgentDesk.openSession(server.url, supervisor));
    return { lei: track(lei), colleague, colleagueDesk, supervisor, supervisorDesk };
  }

  async function waitingChat() {
    const customer = track(new TestCustomer(server.url));
    await customer.connect();
    const { conversation } = await customer.start({ name: 'Marie', topic: 'earbuds', language: 'en' });
    await customer.send(conversation.id, 'My left earbud is silent.');
    return { customer, conversationId: conversation.id };
  }

  /** Every way an agent reads a conversation: its events and its REST routes. */
  async function reads(desk: TestAgentDesk, session: SignedIn, conversationId: string) {
    const rest = async (path: string) => (await agentFetch(server.url, session, path)).status;
    return {
      view: await desk.request('conversation.view', { conversationId }),
      history: await desk.request<MessagePage>('message.history', { conversationId }),
      sync: await desk.request('conversation.sync', { cursors: [{ conversationId, afterSeq: 0 }] }),
      transcript: await rest(`/api/conversations/${conversationId}/transcript`),
      deliveries: await rest(`/api/conversations/${conversationId}/transcripts`),
      satisfaction: await rest(`/api/conversations/${conversationId}/satisfaction`),
    };
  }
  const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };

  it('lets a colleague see a chat waiting in their queue, then nothing of it once it is another agent’s', async () => {
    const { lei, colleague, colleagueDesk, supervisor, supervisorDesk } = await team();
    const { customer, conversationId } = await waitingChat();

    const whileWaiting = await reads(colleagueDesk, colleague, conversationId);
    expect(whileWaiting.view).toMatchObject({ ok: true });
    expect(whileWaiting.history).toMatchObject({ ok: true });
    expect(whileWaiting.transcript).toBe(200);

    await server.app.services.conversations.assign(conversationId, lei.principal);
    expect(await lei.send(conversationId, 'NOTE: refund already refused once', { internal: true })).toMatchObject({
      ok: true,
    });
    for (const phase of ['active', 'closed']) {
      const colleagueReads = await reads(colleagueDesk, colleague, conversationId);
      expect(colleagueReads.view, phase).toMatchObject(forbidden);
      expect(colleagueReads.history, phase).toMatchObject(forbidden);
      expect(colleagueReads.sync, phase).toMatchObject(forbidden);
      expect([colleagueReads.transcript, colleagueReads.deliveries, colleagueReads.satisfaction], phase).toEqual([
        403, 403, 403,
      ]);
      expect(JSON.stringify(colleagueReads), phase).not.toContain('refund already refused');

      const supervisorReads = await reads(supervisorDesk, supervisor, conversationId);
      expect(supervisorReads.view, phase).toMatchObject({ ok: true });
      expect(supervisorReads.sync, phase).toMatchObject({ ok: true });
      expect(supervisorReads.history.ok && supervisorReads.history.data.messages.some((m) => m.internal)).toBe(true);
      expect([supervisorReads.transcript, supervisorReads.deliveries, supervisorReads.satisfaction], phase).toEqual([
        200, 200, 200,
      ]);
      if (phase === 'active') {
        expect(await customer.request('conversation.close', { conversationId })).toMatchObject({ ok: true });
      }
    }
  });

  it('lets only the chat’s own agent and its customer move read receipts', async () => {
    const { lei, colleagueDesk, supervisorDesk } = await team();
    const { customer, conversationId } = await waitingChat();
    // Waiting in the colleague's queue: readable, but marking it read would tell the customer a lie.
    expect(await colleagueDesk.request('receipt.update', { conversationId, readSeq: 1 })).toMatchObject(forbidden);

    await server.app.services.conversations.assign(conversationId, lei.principal);
    const seq = (await server.app.services.conversations.load(conversationId))!.lastSeq;
    for (const outsider of [colleagueDesk, supervisorDesk]) {
      expect(
        await outsider.request('receipt.update', { conversationId, deliveredSeq: seq, readSeq: seq }),
      ).toMatchObject(forbidden);
    }
    const stored = await server.app.services.conversations.load(conversationId);
    expect(stored?.receipts?.agent.readSeq ?? 0).toBe(0);
    expect(customer.events.some((e) => e.event === 'receipt.updated')).toBe(false);

    // The assigned agent and the customer may.
    expect(await lei.request('receipt.update', { conversationId, readSeq: seq })).toMatchObject({
      ok: true,
      data: { side: 'agent', readSeq: seq },
    });
    await customer.waitFor(() => customer.events.some((e) => e.event === 'receipt.updated'));
    expect(await customer.request('receipt.update', { conversationId, readSeq: seq })).toMatchObject({ ok: true });
  });
});
