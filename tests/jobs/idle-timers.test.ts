import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationIdle, ConversationIdleCleared, MessageLeft } from '@switchboard/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { patientRequest, setStatus } from '../routing/routing-support.js';
import { FAST_JOBS_ENV, openChat, systemMessages, type Chat } from './chat.js';

describe('idle timers (customer check-in and close, agent-reply SLA) with short thresholds', () => {
  let server: TestServer;
  let smtp: SmtpListener;
  let supervisor: TestAgentDesk;
  const chats: Chat[] = [];

  const idleEvents = (conversationId: string, event: 'conversation.idle' | 'conversation.idle-cleared') =>
    supervisor.events
      .filter((e) => e.event === event)
      .map((e) => e.payload as ConversationIdle | ConversationIdleCleared)
      .filter((payload) => payload.conversationId === conversationId);

  async function pendingTimers(conversationId: string): Promise<number> {
    const queue = server.app.services.idleTimers.queue;
    const jobs = await queue.getJobs(['delayed', 'waiting', 'active']);
    return jobs.filter((job) => job.data.conversationId === conversationId).length;
  }

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    server = await startTestServer({ testFile: import.meta.filename, env: { ...FAST_JOBS_ENV, SMTP_URL: smtp.url } });
    supervisor = await TestAgentDesk.open(server, { role: 'supervisor', displayName: 'Sam' });
  });
  afterEach(() => {
    for (const chat of chats.splice(0)) chat.close();
  });
  afterAll(async () => {
    supervisor.disconnect();
    await server.stop();
    await smtp.close();
  });

  it('keeps one timer for 10 quick messages, flags the unanswered chat, then nudges once, closes and emails, in order', async () => {
    const chat = await openChat(server, { prechat: { email: 'first@example.com' } });
    chats.push(chat);
    const { customer, desk, conversationId } = chat;

    const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => customer.send(conversationId, `hello ${i}`)));
    expect(sent.every((result) => result.ok)).toBe(true);
    await sleep(100); // the reschedules run right after each ack
    expect(await pendingTimers(conversationId)).toBe(1);

    // Nobody answered within the SLA → supervisors see the chat flagged.
    await supervisor.waitFor(() => idleEvents(conversationId, 'conversation.idle').length === 1);
    expect(idleEvents(conversationId, 'conversation.idle')[0]).toMatchObject({
      reason: 'agent-unanswered',
      caseNumber: chat.caseNumber,
      agentId: desk.principal.id,
    });
    expect((await server.app.services.idleFlags.list()).map((flag) => flag.conversationId)).toContain(conversationId);

    // The agent's reply clears it, and starts the customer's turn (the check-in clock).
    expect(await desk.send(conversationId, 'Hi, I am Lei. Could you tell me your serial number?')).toMatchObject({
      ok: true,
    });
    await supervisor.waitFor(() => idleEvents(conversationId, 'conversation.idle-cleared').length === 1);

    await customer.waitFor(() => systemMessages(customer, conversationId, 'customer.idle-nudge').length === 1);
    await supervisor.waitFor(() =>
      idleEvents(conversationId, 'conversation.idle').some((flag) => flag.reason === 'customer-silent'),
    );
    await customer.waitFor(() => systemMessages(customer, conversationId, 'customer.idle-close').length === 1);
    await smtp.waitFor(() => smtp.to('first@example.com').length === 1);
    await sleep(1_000); // any second nudge, close or email would have come by now

    const [nudge] = systemMessages(customer, conversationId, 'customer.idle-nudge');
    const [goodbye] = systemMessages(customer, conversationId, 'customer.idle-close');
    expect(systemMessages(customer, conversationId, 'customer.idle-nudge')).toHaveLength(1);
    expect(nudge!.seq).toBeLessThan(goodbye!.seq);
    // One closing line per close: the kind goodbye is it, no "this chat has ended" after it.
    expect(systemMessages(customer, conversationId, 'conversation.closed')).toEqual([]);
    expect(goodbye!.seq).toBe(
      Math.max(
        ...customer
          .log(conversationId)
          .list()
          .map((message) => message.seq),
      ),
    );
    // Both speak as "I": shown under the advisor's name, not as unsigned system lines.
    for (const line of [nudge!, goodbye!]) {
      expect(line.author).toMatchObject({
        kind: 'system',
        id: desk.principal.id,
        displayName: desk.principal.displayName,
      });
    }
    // French conversation, and the goodbye promises the summary with the case number.
    expect(nudge!.body).toMatch(/toujours là/i);
    expect(goodbye!.body).toContain(chat.caseNumber);
    expect(smtp.to('first@example.com')).toHaveLength(1);

    const stored = await server.app.services.conversations.load(conversationId);
    expect(stored).toMatchObject({ status: 'closed', closedBy: { kind: 'system' }, disposition: 'no-response' });
    expect(stored?.idle ?? null).toBeNull();
    const [delivery] = await server.app.services.transcripts.list(stored!._id);
    expect(delivery).toMatchObject({ trigger: 'close', status: 'sent', to: 'first@example.com' });
    expect(new Date(delivery!.sentAt!).getTime()).toBeGreaterThanOrEqual(stored!.closedAt!.getTime());
    expect(await pendingTimers(conversationId)).toBe(0);
  });

  it('raises no flag when the agent answers within the SLA', async () => {
    const chat = await openChat(server);
    chats.push(chat);
    await chat.customer.send(chat.conversationId, 'Is my order shipped?');
    await chat.desk.send(chat.conversationId, 'Let me check that for you.');
    await sleep(900); // over twice the SLA
    const flags = idleEvents(chat.conversationId, 'conversation.idle') as ConversationIdle[];
    expect(flags.filter((flag) => flag.reason === 'agent-unanswered')).toEqual([]);
  });

  it("arms the check-in with the agent's reply: one wake-up, the check-in delay after it", async () => {
    const chat = await openChat(server);
    chats.push(chat);
    const { customer, desk, conversationId } = chat;
    await customer.send(conversationId, 'Can I return an opened box?');
    const reply = await desk.send(conversationId, 'Yes, within 30 days.');
    if (!reply.ok) throw new Error('agent send failed');
    // Before the agent-turn wake-up (400 ms after the customer wrote) could have re-armed it.
    await sleep(150);
    const queue = server.app.services.idleTimers.queue;
    const pending = (await queue.getJobs(['delayed'])).filter((job) => job.data.conversationId === conversationId);
    expect(pending).toHaveLength(1);
    const dueAt = pending[0]!.timestamp + pending[0]!.delay;
    expect(dueAt).toBeGreaterThanOrEqual(Date.parse(reply.data.message.createdAt) + 800 - 50);
  });

  it("does not move the check-in for later agent messages; the customer's answer cancels the close", async () => {
    const chat = await openChat(server);
    chats.push(chat);
    const { customer, desk, conversationId } = chat;
    await customer.send(conversationId, 'My phone will not charge.');
    const first = await desk.send(conversationId, 'Which cable are you using?');
    await sleep(500);
    const second = await desk.send(conversationId, 'Are you using the original cable?');
    if (!first.ok || !second.ok) throw new Error('agent send failed');

    await customer.waitFor(() => systemMessages(customer, conversationId, 'customer.idle-nudge').length === 1);
    const [nudge] = systemMessages(customer, conversationId, 'customer.idle-nudge');
    // Counted from the first reply (800 ms): a reset by the second would put it after second + 800 ms.
    expect(Date.parse(nudge!.createdAt)).toBeLessThan(Date.parse(second.data.message.createdAt) + 800);

    await customer.send(conversationId, 'Sorry, yes, the original one.');
    await supervisor.waitFor(() =>
      idleEvents(conversationId, 'conversation.idle-cleared').some((flag) => flag.reason === 'customer-silent'),
    );
    await sleep(1_200); // past the close threshold
    expect(systemMessages(customer, conversationId, 'customer.idle-close')).toEqual([]);
    expect((await server.app.services.conversations.load(conversationId))?.status).toBe('active');
  });

  it('gives a chat whose timer was lost (job failed for good, Redis lost it) its timer back: the check-in still comes', async () => {
    const chat = await openChat(server);
    chats.push(chat);
    const { customer, desk, conversationId } = chat;
    await customer.send(conversationId, 'My speaker does not pair.');
    expect(await desk.send(conversationId, 'Is Bluetooth on?')).toMatchObject({ ok: true });
    // The customer's turn is timed by one pending job; take it away, as a job failing for good does.
    const queue = server.app.services.idleTimers.queue;
    const mine = async () =>
      (await queue.getJobs(['delayed', 'waiting'])).filter((job) => job.data.conversationId === conversationId);
    await vi.waitUntil(async () => (await mine()).length === 1, { timeout: 5_000 });
    for (const job of await mine()) await job.remove();
    expect(await pendingTimers(conversationId)).toBe(0);
    // Nothing else happens in this chat; only the sweep (IDLE_TIMER_SWEEP, 1 s here) can bring the check-in.
    await customer.waitFor(() => systemMessages(customer, conversationId, 'customer.idle-nudge').length === 1);
  });

  it('never nudges, flags or closes an offline message once an agent picks it up: the reply goes by email', async () => {
    const customer = new TestCustomer(server.url);
    await customer.connect();
    const left = await customer.request<MessageLeft>('conversation.leaveMessage', {
      requestId: `offline-${randomUUID()}`,
      prechat: { ...defaultPrechat, email: 'away@example.com' },
      body: 'My tablet will not turn on. Please write to me.',
    });
    if (!left.ok) throw new Error(left.error.code);
    customer.disconnect(); // gone, as offline customers are
    const { conversationId } = left.data;
    const desk = await TestAgentDesk.open(server, { displayName: 'Ana' });
    chats.push({ close: () => desk.disconnect() } as Chat);
    await setStatus(desk, 'away'); // routing never offers offline messages; a pickup takes one
    const picked = await patientRequest(desk, 'conversation.pickup', { conversationId });
    expect(picked.ok ? 'ok' : picked.error.code).toBe('ok');
    desk.log(conversationId);
    expect(await desk.send(conversationId, 'Hello, I will email you the steps.')).toMatchObject({ ok: true });
    // Nothing is timed: no pending timer ...
    expect(await pendingTimers(conversationId)).toBe(0);
    // ... and past the SLA, the check-in and the close (400 + 800 + 800 ms), nothing happened.
    await sleep(2_500);
    const stored = await server.app.services.conversations.load(conversationId);
    expect(stored).toMatchObject({ status: 'active', offline: true });
    expect(stored?.idle ?? null).toBeNull();
    expect(systemMessages(desk, conversationId, 'customer.idle-nudge')).toEqual([]);
    expect(idleEvents(conversationId, 'conversation.idle')).toEqual([]);
  });
});
