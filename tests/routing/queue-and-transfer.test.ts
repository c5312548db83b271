import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationView, MessageLeft, QueueListing, QueueUpdate } from '@switchboard/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, eventually, openDesk, queueUpdates, setStatus } from './routing-support.js';

describe('queues, estimates, business hours, offline messages and transfers', () => {
  let server: TestServer;
  let smtp: SmtpListener;
  const desks: TestAgentDesk[] = [];
  const customers: TestCustomer[] = [];
  const desk = async (...args: Parameters<typeof openDesk>) => {
    const opened = await openDesk(...args);
    desks.push(opened);
    return opened;
  };
  const customer = async () => {
    const created = new TestCustomer(server.url);
    customers.push(created);
    await created.connect();
    return created;
  };
  const load = (id: string) => server.app.services.conversations.load(id);
  const status = async (c: TestCustomer, conversationId: string) => {
    const result = await c.request<QueueUpdate>('queue.status', { conversationId });
    if (!result.ok) throw new Error(result.error.code);
    return result.data;
  };

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { ROUTING_QUEUE_DEBOUNCE: '50', SMTP_URL: smtp.url },
    });
  });
  afterEach(async () => {
    server.app.services.clock.now = () => new Date();
    for (const opened of desks.splice(0)) {
      await setStatus(opened, 'offline').catch(() => undefined);
      opened.disconnect();
    }
    for (const c of customers.splice(0)) c.disconnect();
  });
  afterAll(async () => {
    await server.stop();
    await smtp.close();
  });

  it('estimates the wait as ceil((position − free) × mean handling / total), and says unknown without data', async () => {
    const department = await createDepartment(server, { name: 'Eta', topics: [{ key: 'eta', labels: {} }] });
    const fields = { departmentIds: [department.id], languages: ['fr' as const], capacity: 1 };
    await desk(server, fields);
    await desk(server, fields);
    // Both agents busy: 2 slots, 0 free.
    for (let i = 0; i < 2; i += 1) {
      const { conversation } = await (await customer()).start({ ...defaultPrechat, topic: 'eta' });
      await eventually(async () => (await load(conversation.id))?.status === 'active');
    }
    const waiting = await Promise.all([0, 1, 2].map(async () => customer()));
    const ids: string[] = [];
    for (const c of waiting) ids.push((await c.start({ ...defaultPrechat, topic: 'eta' })).conversation.id);

    // No handling times yet: position known, estimate unknown.
    expect(await status(waiting[0]!, ids[0]!)).toEqual({
      conversationId: ids[0],
      position: 1,
      queueLength: 3,
      estimatedWaitSeconds: null,
      departmentOpen: true,
      nextOpeningAt: null,
      offline: null,
    });
    for (const seconds of [100, 300, 120])
      await server.app.services.routing.handlingTimes.record(department.id, seconds);
    // Mean 520 / 3 s (the long chat held its slot all along; the median, 120 s, would say less),
    // 2 slots, none free: position p waits ceil(p × 520 / 6).
    for (const [index, c] of waiting.entries()) {
      expect(await status(c, ids[index]!)).toMatchObject({
        position: index + 1,
        estimatedWaitSeconds: [87, 174, 260][index],
      });
    }
    // Pushed too, once something changes in the queue (the customer's socket is in the room by now).
    await (await customer()).start({ ...defaultPrechat, topic: 'eta' });
    await waiting[2]!.waitFor(() => queueUpdates(waiting[2]!, ids[2]!).some((u) => u.estimatedWaitSeconds === 260));
    // Supervisors see the same figures.
    const stats = await server.app.services.routing.stats();
    expect(stats.departments.find((d) => d.departmentId === department.id)).toMatchObject({
      queued: 4,
      agentsOnline: 2,
      freeSlots: 0,
      totalSlots: 2,
      medianHandlingSeconds: 120,
      estimatedWaitSeconds: 434,
    });
  });

  it('keeps chats waiting outside business hours (time zone, holiday) and offers the offline message', async () => {
    const department = await createDepartment(server, {
      name: 'Paris desk',
      topics: [{ key: 'hours', labels: { en: 'Opening hours', fr: 'Horaires' } }],
      languages: ['fr', 'en'],
      hours: {
        timeZone: 'Europe/Paris',
        weekly: { mon: [{ open: '09:00', close: '18:00' }], fri: [{ open: '09:00', close: '18:00' }] },
        holidays: ['2026-12-25'],
      },
    });
    const { clock } = server.app.services;
    clock.now = () => new Date('2026-07-06T17:00:00Z'); // Monday 19:00 in Paris: closed
    const agent = await desk(server, { departmentIds: [department.id], languages: ['fr'], capacity: 3 });
    const topics = async () =>
      (
        (await (await fetch(`${server.url}/api/public/topics`)).json()) as {
          topics: { key: string; openNow: boolean }[];
        }
      ).topics;
    expect((await topics()).find((t) => t.key === 'hours')).toEqual({
      key: 'hours',
      labels: { en: 'Opening hours', fr: 'Horaires' },
      languages: ['fr', 'en'],
      openNow: false,
      // Friday 09:00 in Paris (UTC+2), the next opening after Monday evening.
      nextOpeningAt: '2026-07-10T07:00:00.000Z',
    });

    const late = await customer();
    const { conversation } = await late.start({ ...defaultPrechat, topic: 'hours' });
    expect(await status(late, conversation.id)).toMatchObject({
      departmentOpen: false,
      nextOpeningAt: '2026-07-10T07:00:00.000Z',
      offline: 'closed',
      position: 1,
    });
    await server.app.services.routing.sweep();
    expect((await load(conversation.id))?.status).toBe('queued');

    // They leave a message instead; their waiting chat is closed, the message waits for an agent.
    const left = await late.request<MessageLeft>('conversation.leaveMessage', {
      conversationId: conversation.id,
      requestId: 'offline-request-1',
      prechat: { ...defaultPrechat, topic: 'hours', email: 'marie@example.com' },
      body: 'My battery dies by noon. Please email me.',
    });
    expect(left).toMatchObject({ ok: true, data: { email: 'marie@example.com' } });
    const offlineId = left.ok ? left.data.conversationId : '';
    expect((await load(conversation.id))?.status).toBe('closed');
    // A retry creates nothing new.
    const again = await late.request<MessageLeft>('conversation.leaveMessage', {
      requestId: 'offline-request-1',
      prechat: { ...defaultPrechat, topic: 'hours', email: 'marie@example.com' },
      body: 'My battery dies by noon. Please email me.',
    });
    expect(again).toMatchObject({ ok: true, data: { conversationId: offlineId } });
    const offline = await load(offlineId);
    expect(offline).toMatchObject({ status: 'queued', offline: true, departmentId: expect.anything() });
    expect(offline?.prechat?.email).toBe('marie@example.com');

    // Monday 10:00 in Paris: open. Live chats route; the offline message waits for a pickup.
    clock.now = () => new Date('2026-07-06T08:00:00Z');
    const morning = await customer();
    const started = await morning.start({ ...defaultPrechat, topic: 'hours' });
    await eventually(async () => (await load(started.conversation.id))?.agentId?.toHexString() === agent.principal.id);
    await server.app.services.routing.sweep();
    expect((await load(offlineId))?.status).toBe('queued');
    const listing = await agent.request<QueueListing>('queue.list', { departmentId: department.id });
    expect(listing).toMatchObject({ ok: true, data: { entries: [{ conversationId: offlineId, offline: true }] } });
    expect(await agent.request<ConversationView>('conversation.pickup', { conversationId: offlineId })).toMatchObject({
      ok: true,
      data: { id: offlineId, status: 'active', offline: true },
    });
    expect(await status(morning, started.conversation.id)).toMatchObject({ departmentOpen: true, nextOpeningAt: null });

    // The agent's answer reaches the customer by email, once (a retried send is the same message).
    agent.log(offlineId);
    const reply = { clientMessageId: randomUUID(), body: 'Bonjour Marie, a battery check will sort this out.' };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await agent.request('message.send', { conversationId: offlineId, ...reply })).toMatchObject({ ok: true });
    }
    // The reply is the email of the offline case (tests/routing/offline-reply-email.test.ts looks at it closely).
    const replies = () =>
      smtp.to('marie@example.com').filter((mail) => mail.parsed.subject?.includes(offline!.caseNumber));
    await smtp.waitFor(() => replies().length === 1);
    const [mail] = replies();
    expect(mail?.parsed.text).toContain('a battery check will sort this out');
    expect(mail?.parsed.text).toContain('My battery dies by noon');
    // Notes never leave, and nothing else is sent for this one reply.
    expect(
      await agent.request('message.send', {
        conversationId: offlineId,
        clientMessageId: randomUUID(),
        body: 'Internal: check warranty.',
        internal: true,
      }),
    ).toMatchObject({ ok: true });
    await sleep(1_000);
    expect(replies()).toHaveLength(1);
    expect(mail?.parsed.text).not.toContain('check warranty');
    const log = await server.app.services.transcripts.list(offline!._id);
    expect(log).toMatchObject([{ trigger: 'offline-reply', to: 'marie@example.com', status: 'sent' }]);

    // Christmas (a Friday) is a holiday in Paris: closed all day.
    clock.now = () => new Date('2026-12-25T10:00:00Z');
    const christmas = await customer();
    const onHoliday = await christmas.start({ ...defaultPrechat, topic: 'hours' });
    expect(await status(christmas, onHoliday.conversation.id)).toMatchObject({
      departmentOpen: false,
      offline: 'closed',
    });
    clock.now = () => new Date('2026-12-24T10:00:00Z'); // the Thursday before: not an opening day either
    expect((await topics()).find((t) => t.key === 'hours')?.openNow).toBe(false);
    clock.now = () => new Date('2026-12-18T10:00:00Z'); // the Friday before: open
    expect((await topics()).find((t) => t.key === 'hours')?.openNow).toBe(true);
  });

  it('offers the offline message when nobody is online, or the wait passed the department limit', async () => {
    const department = await createDepartment(server, {
      name: 'Limits',
      topics: [{ key: 'limits', labels: {} }],
      maxQueueWaitSeconds: 30,
    });
    const c = await customer();
    const { conversation } = await c.start({ ...defaultPrechat, topic: 'limits' });
    expect(await status(c, conversation.id)).toMatchObject({ offline: 'no-agents', estimatedWaitSeconds: null });
    await desk(server, { departmentIds: [department.id], languages: ['en'], capacity: 1 }, 'online');
    // The English-only agent leaves the French chat waiting (fallback after 60 s); past 30 s the form is offered.
    expect(await status(c, conversation.id)).toMatchObject({ offline: null });
    server.app.services.clock.now = () => new Date(Date.now() + 31_000);
    expect(await status(c, conversation.id)).toMatchObject({ offline: 'max-wait' });
  });

  it('transfers to a department at the front of its queue, and to an agent, keeping the history', async () => {
    const sales = await createDepartment(server, { name: 'Sales', topics: [{ key: 'sales', labels: {} }] });
    const repairs = await createDepartment(server, { name: 'Repairs', topics: [{ key: 'repairs', labels: {} }] });
    // Two customers already wait for Repairs (nobody there yet).
    const earlier: string[] = [];
    for (let i = 0; i < 2; i += 1)
      earlier.push((await (await customer()).start({ ...defaultPrechat, topic: 'repairs' })).conversation.id);
    const seller = await desk(server, {
      departmentIds: [sales.id],
      languages: ['fr'],
      capacity: 2,
      displayName: 'Lei',
    });
    const buyer = await customer();
    const { conversation } = await buyer.start({ ...defaultPrechat, topic: 'sales' });
    await eventually(async () => (await load(conversation.id))?.status === 'active');
    seller.log(conversation.id);
    await buyer.send(conversation.id, 'my screen is cracked');
    await seller.send(conversation.id, 'Repairs can help with that.');

    const moved = await seller.request<ConversationView>('conversation.transfer', {
      conversationId: conversation.id,
      to: { departmentId: repairs.id },
      note: 'cracked screen, under warranty',
    });
    expect(moved).toMatchObject({ ok: true, data: { status: 'queued', departmentId: repairs.id } });
    const queued = await load(conversation.id);
    expect(queued).toMatchObject({ priority: 1, agentId: null });
    expect(await server.app.services.routing.state.agent(seller.principal.id)).toMatchObject({
      active: 0,
      reserved: 0,
    });
    // Front of the Repairs queue, ahead of chats that were waiting there.
    const listed = await server.app.services.routing.queueList(seller.principal, {});
    expect(listed.entries.filter((e) => e.departmentId === repairs.id).map((e) => e.conversationId)).toEqual([]);
    const supervisorView = await server.app.services.routing.queueList(
      { ...seller.principal, role: 'supervisor' },
      { departmentId: repairs.id },
    );
    expect(supervisorView.entries.map((e) => [e.conversationId, e.position, e.priority])).toEqual([
      [conversation.id, 1, true],
      [earlier[0], 2, false],
      [earlier[1], 3, false],
    ]);

    // The first Repairs agent to come online gets it first; the customer kept everything and was told.
    const fixer = await desk(server, {
      departmentIds: [repairs.id],
      languages: ['fr'],
      capacity: 1,
      displayName: 'Ana',
    });
    await eventually(async () => (await load(conversation.id))?.agentId?.toHexString() === fixer.principal.id);
    expect((await load(earlier[0]!))?.status).toBe('queued');
    // The welcome line was stored before the customer joined the chat's room: it comes with a catch-up.
    await buyer.sync();
    await buyer.waitFor(() => buyer.log(conversation.id).size === 6);
    const history = buyer.log(conversation.id).list();
    expect(history.map((m) => m.system?.event ?? m.body)).toEqual([
      'conversation.started',
      'conversation.assigned',
      'my screen is cracked',
      'Repairs can help with that.',
      'conversation.transferred',
      'conversation.assigned',
    ]);
    expect(history.some((m) => m.body.includes('warranty'))).toBe(false);
    fixer.log(conversation.id);
    await fixer.sync();
    expect(fixer.bodies(conversation.id)).toContain('cracked screen, under warranty');

    // Agent to agent: the target needs room; Ana is full (capacity 1), Lei is not.
    expect(
      await fixer.request('conversation.transfer', {
        conversationId: conversation.id,
        to: { agentId: seller.principal.id },
      }),
    ).toMatchObject({ ok: true, data: { agent: { id: seller.principal.id } } });
    await seller.waitFor(() => seller.events.some((e) => e.event === 'conversation.transferred'));
    // Ana has her slot back at once and takes the next Repairs chat in line (capacity 1: she
    // could not if the transferred chat still counted). Her count is not read in between:
    // the routing her free slot sets off may already have reserved it again.
    await eventually(async () => (await load(earlier[0]!))?.agentId?.toHexString() === fixer.principal.id);
    // Counted as routing counts them: held, or reserved while the assignment is being written.
    const { state } = server.app.services.routing;
    const held = async (id: string) => {
      const counted = await state.agent(id);
      return counted.active + counted.reserved;
    };
    expect(await held(fixer.principal.id)).toBe(1);
    expect(await held(seller.principal.id)).toBe(1);
    // The agents' documents show the same counts shortly after (written behind, for the console).
    await eventually(async () => (await server.app.services.agents.getById(fixer.principal.id))?.activeChats === 1);
    await eventually(async () => (await server.app.services.agents.getById(seller.principal.id))?.activeChats === 1);
  });

  it('refuses bad input and strangers with clear codes, changing nothing', async () => {
    const department = await createDepartment(server, { name: 'Guarded', topics: [{ key: 'guarded', labels: {} }] });
    const owner = await desk(server, { departmentIds: [department.id], languages: ['fr'], capacity: 2 });
    const stranger = await desk(server, { departmentIds: [], languages: ['fr'], capacity: 2 }, 'away');
    const c = await customer();
    const { conversation } = await c.start({ ...defaultPrechat, topic: 'guarded' });
    await eventually(async () => (await load(conversation.id))?.status === 'active');
    const countMessages = () => server.app.services.messages.model.countDocuments({ conversationId: conversation.id });
    // The welcome line, and the "you're chatting with" message stored just after the assignment.
    await eventually(async () => (await countMessages()) === 2);
    const messagesBefore = await countMessages();
    const missing = '0123456789abcdef01234567';

    const refusals: [TestAgentDesk | TestCustomer, string, unknown, string][] = [
      [owner, 'conversation.pickup', { conversationId: { $ne: null } }, 'VALIDATION_FAILED'],
      [owner, 'conversation.pickup', { conversationId: missing }, 'NOT_FOUND'],
      [owner, 'conversation.pickup', { conversationId: conversation.id }, 'CONFLICT'],
      [stranger, 'conversation.pickup', { conversationId: conversation.id }, 'FORBIDDEN'],
      [owner, 'conversation.transfer', { conversationId: conversation.id, to: {} }, 'VALIDATION_FAILED'],
      [
        owner,
        'conversation.transfer',
        { conversationId: conversation.id, to: { departmentId: 'x' } },
        'VALIDATION_FAILED',
      ],
      [owner, 'conversation.transfer', { conversationId: conversation.id, to: { departmentId: missing } }, 'NOT_FOUND'],
      [owner, 'conversation.transfer', { conversationId: conversation.id, to: { agentId: missing } }, 'NOT_FOUND'],
      [
        owner,
        'conversation.transfer',
        { conversationId: conversation.id, to: { agentId: stranger.principal.id } },
        'CONFLICT',
      ],
      [
        stranger,
        'conversation.transfer',
        { conversationId: conversation.id, to: { departmentId: department.id } },
        'FORBIDDEN',
      ],
      [stranger, 'queue.list', { departmentId: department.id }, 'FORBIDDEN'],
      [owner, 'queue.list', { departmentId: missing }, 'NOT_FOUND'],
      [owner, 'queue.list', { extra: true }, 'VALIDATION_FAILED'],
      [c, 'conversation.pickup', { conversationId: conversation.id }, 'UNKNOWN_EVENT'],
      [c, 'queue.status', { conversationId: missing }, 'NOT_FOUND'],
      [
        c,
        'conversation.leaveMessage',
        { requestId: randomUUID(), prechat: { name: 'Marie', topic: 'guarded', language: 'fr' }, body: 'no email' },
        'VALIDATION_FAILED',
      ],
      [
        c,
        'conversation.leaveMessage',
        {
          requestId: randomUUID(),
          prechat: { ...defaultPrechat, topic: 'guarded' },
          body: 'hello',
          conversationId: conversation.id,
        },
        'CONFLICT',
      ],
    ];
    for (const [who, event, payload, code] of refusals) {
      expect(await who.request(event, payload), `${event} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    // Another customer's chat answers like a missing one.
    const other = await customer();
    await other.start({ ...defaultPrechat, topic: 'guarded' });
    expect(await other.request('queue.status', { conversationId: conversation.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const after = await load(conversation.id);
    expect(after).toMatchObject({ status: 'active', priority: 0 });
    expect(after?.agentId?.toHexString()).toBe(owner.principal.id);
    expect(await server.app.services.messages.model.countDocuments({ conversationId: conversation.id })).toBe(
      messagesBefore,
    );
  });
});
