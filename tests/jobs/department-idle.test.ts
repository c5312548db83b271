import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationIdle, ConversationIdleCleared, QueueUpdate } from '@switchboard/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, eventually, patientRequest, setStatus } from '../routing/routing-support.js';
import { FAST_JOBS_ENV, systemMessages } from './chat.js';

/**
 * Idle thresholds and auto-requeue per department, set through the admin REST
 * and read by the timers when they fire or are rescheduled (no restart).
 */
describe('per-department idle settings', () => {
  let server: TestServer;
  let admin: SignedIn;
  let supervisor: TestAgentDesk;
  const cleanup: { disconnect(): void }[] = [];

  const idleEvents = (conversationId: string, event: 'conversation.idle' | 'conversation.idle-cleared') =>
    supervisor.events
      .filter((e) => e.event === event)
      .map((e) => e.payload as ConversationIdle | ConversationIdleCleared)
      .filter((payload) => payload.conversationId === conversationId);

  async function customerIn(topic: string): Promise<{ customer: TestCustomer; conversationId: string }> {
    const customer = new TestCustomer(server.url);
    cleanup.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ ...defaultPrechat, topic });
    return { customer, conversationId: conversation.id };
  }

  beforeAll(async () => {
    // Deployment defaults far away: whatever happens within the test comes from the departments.
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { ...FAST_JOBS_ENV, CUSTOMER_IDLE_NUDGE: '1h', CUSTOMER_IDLE_CLOSE: '1h', AGENT_REPLY_SLA: '1h' },
    });
    admin = await createSignedInAgent(server, { role: 'admin' });
    supervisor = await TestAgentDesk.open(server, { role: 'supervisor', displayName: 'Sam' });
  });
  afterEach(() => {
    for (const each of cleanup.splice(0)) each.disconnect();
  });
  afterAll(async () => {
    supervisor.disconnect();
    await server.stop();
  });

  it('nudges by each department’s own thresholds, and an admin’s change applies without a restart', async () => {
    const quick = await createDepartment(server, {
      name: 'Quick',
      topics: [{ key: 'quick', labels: {} }],
      languages: ['fr'],
      agentReplySlaSeconds: 1,
      customerIdleNudgeSeconds: 1,
      customerIdleCloseSeconds: 1,
    });
    // Same reply SLA (the timer's first wake-up), the deployment's hour for the check-in.
    const patient = await createDepartment(server, {
      name: 'Patient',
      topics: [{ key: 'patient', labels: {} }],
      languages: ['fr'],
      agentReplySlaSeconds: 1,
    });
    const desk = await TestAgentDesk.open(server, { displayName: 'Lei', departmentIds: [quick.id, patient.id] });
    cleanup.push(desk);
    const chats = [await customerIn('quick'), await customerIn('patient')];
    for (const { conversationId } of chats) {
      await server.app.services.conversations.assign(conversationId, desk.principal);
      desk.log(conversationId);
      expect(await desk.send(conversationId, 'Bonjour, je suis Lei.')).toMatchObject({ ok: true });
    }
    const [fast, slow] = chats as [(typeof chats)[0], (typeof chats)[0]];

    // Quick's chat: check-in, then the goodbye; Patient's (deployment's 1 h) stays quiet meanwhile.
    await fast.customer.waitFor(
      () => systemMessages(fast.customer, fast.conversationId, 'customer.idle-close').length === 1,
    );
    expect(systemMessages(fast.customer, fast.conversationId, 'customer.idle-nudge')).toHaveLength(1);
    expect(systemMessages(slow.customer, slow.conversationId, 'customer.idle-nudge')).toHaveLength(0);
    expect((await server.app.services.conversations.load(slow.conversationId))?.status).toBe('active');

    // The admin shortens Patient's check-in; the next turn of its chat is timed by the new value.
    const patched = await agentFetch(server.url, admin, `/api/departments/${patient.id}`, {
      method: 'PATCH',
      body: { customerIdleNudgeSeconds: 1 },
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { department: unknown }).department).toMatchObject({
      customerIdleNudgeSeconds: 1,
      customerIdleCloseSeconds: null,
    });
    expect(await slow.customer.send(slow.conversationId, 'Mon numéro de série est F2LX…')).toMatchObject({ ok: true });
    expect(await desk.send(slow.conversationId, 'Merci, je regarde.')).toMatchObject({ ok: true });
    await slow.customer.waitFor(
      () => systemMessages(slow.customer, slow.conversationId, 'customer.idle-nudge').length === 1,
    );
    // Close stays the deployment's hour.
    await sleep(1_500);
    expect((await server.app.services.conversations.load(slow.conversationId))?.status).toBe('active');
  }, 60_000);

  it('applies a lowered threshold to the timers already pending in the department', async () => {
    const department = await createDepartment(server, {
      name: 'Slow',
      topics: [{ key: 'slow', labels: {} }],
      languages: ['fr'],
      agentReplySlaSeconds: 3600,
    });
    const desk = await TestAgentDesk.open(server, { displayName: 'Noor', departmentIds: [department.id] });
    cleanup.push(desk);
    const { customer, conversationId } = await customerIn('slow');
    await server.app.services.conversations.assign(conversationId, desk.principal);
    expect(await customer.send(conversationId, 'Mon écran clignote.')).toMatchObject({ ok: true });
    // Pending now: the hour's SLA.
    await eventually(async () => {
      const jobs = await server.app.services.idleTimers.queue.getJobs(['delayed']);
      return jobs.some((job) => job.data.conversationId === conversationId && job.opts.delay === 3_600_000);
    });

    const patched = await agentFetch(server.url, admin, `/api/departments/${department.id}`, {
      method: 'PATCH',
      body: { agentReplySlaSeconds: 1 },
    });
    expect(patched.status).toBe(200);
    // The chat waited over a second already: flagged now, not in an hour.
    await supervisor.waitFor(() => idleEvents(conversationId, 'conversation.idle').length === 1);
    expect(idleEvents(conversationId, 'conversation.idle')[0]).toMatchObject({ reason: 'agent-unanswered' });
  }, 60_000);

  it('requeues an unanswered chat at the front of the queue; another agent gets it, and their reply clears the flag', async () => {
    const department = await createDepartment(server, {
      name: 'Requeue',
      topics: [{ key: 'requeue', labels: {} }],
      languages: ['fr'],
      agentReplySlaSeconds: 1,
      autoRequeueSeconds: 2,
    });
    const fields = { departmentIds: [department.id], languages: ['fr' as const], capacity: 1 };
    const silent = await TestAgentDesk.open(server, { ...fields, displayName: 'Silent' });
    const helpful = await TestAgentDesk.open(server, { ...fields, displayName: 'Helpful' });
    cleanup.push(silent, helpful);
    // Away: routing gives them nothing, but the silent agent may take a chat by hand.
    await setStatus(silent, 'away');

    const older = await customerIn('requeue');
    const requeued = await customerIn('requeue');
    const picked = await patientRequest(silent, 'conversation.pickup', { conversationId: requeued.conversationId });
    expect(picked.ok).toBe(true);
    silent.log(requeued.conversationId);
    expect(await requeued.customer.send(requeued.conversationId, 'Allô ?')).toMatchObject({ ok: true });

    // Flagged after the department's SLA, then back in the queue, ahead of the older chat.
    await supervisor.waitFor(() => idleEvents(requeued.conversationId, 'conversation.idle').length === 1);
    await eventually(
      async () => (await server.app.services.conversations.load(requeued.conversationId))?.status === 'queued',
    );
    await requeued.customer.waitFor(
      () => systemMessages(requeued.customer, requeued.conversationId, 'conversation.requeued').length === 1,
    );
    const status = async (who: { customer: TestCustomer; conversationId: string }) => {
      const result = await patientRequest<QueueUpdate>(who.customer, 'queue.status', {
        conversationId: who.conversationId,
      });
      if (!result.ok) throw new Error(result.error.code);
      return result.data.position;
    };
    expect(await status(requeued)).toBe(1);
    expect(await status(older)).toBe(2);
    // A fresh start for the next agent: the old flag is gone.
    await supervisor.waitFor(() => idleEvents(requeued.conversationId, 'conversation.idle-cleared').length === 1);

    // Another agent comes online: the requeued chat is theirs, before the older one.
    await setStatus(helpful, 'online');
    await eventually(async () => {
      const stored = await server.app.services.conversations.load(requeued.conversationId);
      return stored?.status === 'active' && stored.agentId?.toHexString() === helpful.principal.id;
    });
    expect((await server.app.services.conversations.load(older.conversationId))?.status).toBe('queued');

    // The customer writes again and the new agent lets it go past the SLA: flagged; their reply clears it.
    helpful.log(requeued.conversationId);
    expect(await requeued.customer.send(requeued.conversationId, 'Vous êtes là ?')).toMatchObject({ ok: true });
    await supervisor.waitFor(() => idleEvents(requeued.conversationId, 'conversation.idle').length === 2);
    expect(idleEvents(requeued.conversationId, 'conversation.idle')[1]).toMatchObject({
      agentId: helpful.principal.id,
      reason: 'agent-unanswered',
    });
    expect(await helpful.send(requeued.conversationId, 'Oui, pardon !')).toMatchObject({ ok: true });
    await supervisor.waitFor(() => idleEvents(requeued.conversationId, 'conversation.idle-cleared').length === 2);
    expect((await server.app.services.conversations.load(requeued.conversationId))?.idle ?? null).toBeNull();
    await setStatus(helpful, 'offline');
  }, 60_000);
});
