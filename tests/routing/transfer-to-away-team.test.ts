import type { ConversationView, DepartmentView, MessageView, TransferTargets } from '@switchboard/shared';
import { renderSystemMessage } from '@switchboard/shared/i18n';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, eventually, openDesk, setStatus } from './routing-support.js';

/**
 * Handing a chat to a team nobody can answer for now (nobody online, or
 * closed by its hours): the desk sees who is online in each team and the
 * wait before choosing, and the customer is told what happens next instead
 * of being promised an advisor "shortly".
 */
describe('transfers and welcomes when nobody of the team can answer', () => {
  let server: TestServer;
  let sales: DepartmentView;
  let billing: DepartmentView;
  let night: DepartmentView;
  let repairs: DepartmentView;
  let seller: Awaited<ReturnType<typeof createSignedInAgent>>;
  let sellerDesk: TestAgentDesk;
  let fixer: TestAgentDesk;
  const desks: TestAgentDesk[] = [];
  const customers: TestCustomer[] = [];
  const load = (id: string) => server.app.services.conversations.load(id);

  const customer = async () => {
    const created = new TestCustomer(server.url);
    customers.push(created);
    await created.connect();
    return created;
  };

  /** The chat's system lines as the customer received them (the welcome comes with a catch-up). */
  const systemLines = async (c: TestCustomer, conversationId: string, count: number) => {
    await c.sync();
    await c.waitFor(
      () =>
        c
          .log(conversationId)
          .list()
          .filter((m) => m.author.kind === 'system').length >= count,
    );
    return c
      .log(conversationId)
      .list()
      .filter((m): m is MessageView & { system: NonNullable<MessageView['system']> } => m.system !== undefined);
  };
  /** The customer's transfer line of the chat, once it came. */
  const transferLine = async (c: TestCustomer, conversationId: string) => {
    await c.waitFor(() =>
      c
        .log(conversationId)
        .list()
        .some((m) => m.system?.event === 'conversation.transferred'),
    );
    return (await systemLines(c, conversationId, 1)).findLast((m) => m.system.event === 'conversation.transferred')!;
  };
  const render = (line: { system: NonNullable<MessageView['system']> }, locale: 'en' | 'fr') =>
    renderSystemMessage(line.system.event, line.system.params, locale);

  /** A Sales chat of Marie's, with the seller. */
  const salesChat = async () => {
    const buyer = await customer();
    const { conversation } = await buyer.start({ ...defaultPrechat, topic: 'sales' });
    await eventually(async () => (await load(conversation.id))?.agentId?.toHexString() === seller.agent.id);
    return { buyer, conversationId: conversation.id };
  };

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { ROUTING_QUEUE_DEBOUNCE: '50' } });
    sales = await createDepartment(server, { name: 'Sales', topics: [{ key: 'sales', labels: {} }] });
    billing = await createDepartment(server, {
      name: 'Billing',
      names: { fr: 'Facturation' },
      topics: [{ key: 'billing', labels: {} }],
    });
    // No opening interval on any day: closed whenever the test runs.
    night = await createDepartment(server, {
      name: 'Night shift',
      topics: [{ key: 'night', labels: {} }],
      hours: { timeZone: 'UTC', weekly: {} },
    });
    repairs = await createDepartment(server, { name: 'Repairs', topics: [{ key: 'repairs', labels: {} }] });
    seller = await createSignedInAgent(server, {
      departmentIds: [sales.id],
      languages: ['fr', 'en'],
      capacity: 10,
      displayName: 'Lei',
    });
    sellerDesk = await TestAgentDesk.openSession(server.url, seller);
    await setStatus(sellerDesk, 'online');
    // Repairs: one agent online with one slot, and one who is signed in but offline (not counted).
    fixer = await openDesk(server, { departmentIds: [repairs.id], languages: ['fr', 'en'], capacity: 1 });
    desks.push(await openDesk(server, { departmentIds: [billing.id, repairs.id], capacity: 3 }, 'offline'));
  });
  afterEach(() => {
    for (const c of customers.splice(0)) c.disconnect();
  });
  afterAll(async () => {
    for (const desk of [...desks, fixer, sellerDesk]) desk.disconnect();
    await server.stop();
  });

  it('lists each team with who is online, who has room and the wait a chat handed over now would have', async () => {
    const targets = async () => {
      const response = await agentFetch(server.url, seller, '/api/desk/transfer-targets');
      expect(response.status).toBe(200);
      const body = (await response.json()) as TransferTargets;
      return Object.fromEntries(body.departments.map((d) => [d.name, d]));
    };
    const fresh = await targets();
    expect(fresh.Billing).toEqual({
      id: billing.id,
      name: 'Billing',
      openNow: true,
      agentsOnline: 0,
      agentsWithRoom: 0,
      estimatedWaitSeconds: null,
    });
    expect(fresh['Night shift']).toMatchObject({ openNow: false, estimatedWaitSeconds: null });
    // A free slot: a chat handed to Repairs now is taken at once.
    expect(fresh.Repairs).toMatchObject({ openNow: true, agentsOnline: 1, agentsWithRoom: 1, estimatedWaitSeconds: 0 });

    // The fixer busy with one chat, another waiting behind it, chats there take 2 minutes.
    const first = await (await customer()).start({ ...defaultPrechat, topic: 'repairs' });
    await eventually(async () => (await load(first.conversation.id))?.status === 'active');
    await (await customer()).start({ ...defaultPrechat, topic: 'repairs' });
    await server.app.services.routing.handlingTimes.record(repairs.id, 120);
    // A handed-over chat goes ahead of the waiting one: 1 × 120 s / 1 slot, where a newcomer would wait 240 s.
    expect((await targets()).Repairs).toMatchObject({ agentsOnline: 1, agentsWithRoom: 0, estimatedWaitSeconds: 120 });
    const stats = await server.app.services.routing.stats();
    expect(stats.departments.find((d) => d.departmentId === repairs.id)?.estimatedWaitSeconds).toBe(240);

    expect((await fetch(`${server.url}/api/desk/transfer-targets`)).status).toBe(401);
  });

  it('tells the customer handed to a team with nobody online that they wait for it and what they can do (else the usual line)', async () => {
    const { buyer, conversationId } = await salesChat();
    const moved = await sellerDesk.request<ConversationView>('conversation.transfer', {
      conversationId,
      to: { departmentId: billing.id },
    });
    expect(moved).toMatchObject({ ok: true, data: { status: 'queued', departmentId: billing.id } });
    const line = await transferLine(buyer, conversationId);
    expect(line.system).toEqual({
      event: 'conversation.transferred',
      params: { department: 'Billing', 'department:fr': 'Facturation', teamAway: 'no-agents' },
    });
    expect(render(line, 'en')).toBe(
      "We've passed your chat to our Billing team, who can see everything you've discussed so far. Nobody from the team is online right now: you can keep this chat open and they'll answer here as soon as someone is back, or leave a message and we'll reply by email.",
    );
    // In the customer's language, with the team's name in it.
    expect(line.body).toContain('Facturation');
    expect(line.body).toContain('Personne de cette équipe n’est en ligne');

    // Someone of the team online, even with no free slot: the usual line, the wait is theirs to tell.
    const staffed = await salesChat();
    await sellerDesk.request('conversation.transfer', {
      conversationId: staffed.conversationId,
      to: { departmentId: repairs.id },
    });
    const usual = await transferLine(staffed.buyer, staffed.conversationId);
    expect(usual.system.params.teamAway).toBeUndefined();
    expect(render(usual, 'en')).toBe(
      "We've passed your chat to our Repairs team. They can see everything you've discussed so far, so there's no need to repeat yourself.",
    );
  });

  it('does not count the agent handing the chat over: their own team, with nobody else online, is empty', async () => {
    // Lei is the only one of Sales online; routing never gives a chat back to the agent who handed it on.
    const response = await agentFetch(server.url, seller, '/api/desk/transfer-targets');
    const { departments } = (await response.json()) as TransferTargets;
    expect(departments.find((d) => d.id === sales.id)).toMatchObject({
      agentsOnline: 0,
      agentsWithRoom: 0,
      estimatedWaitSeconds: null,
    });
    const { buyer, conversationId } = await salesChat();
    await sellerDesk.request('conversation.transfer', { conversationId, to: { departmentId: sales.id } });
    const line = await transferLine(buyer, conversationId);
    expect(line.system.params.teamAway).toBe('no-agents');
  });

  it('tells the customer handed to a closed team that it is closed, and what they can do', async () => {
    const { buyer, conversationId } = await salesChat();
    await sellerDesk.request('conversation.transfer', { conversationId, to: { departmentId: night.id } });
    const line = await transferLine(buyer, conversationId);
    expect(line.system).toMatchObject({ event: 'conversation.transferred', params: { teamAway: 'closed' } });
    expect(render(line, 'en')).toContain('The team is closed right now: you can keep this chat open');
  });

  it('welcomes a customer honestly: "shortly" only when someone of the team is online', async () => {
    const welcome = async (topic: string) => {
      const c = await customer();
      const { conversation } = await c.start({ ...defaultPrechat, topic, language: 'en' });
      const [line] = await systemLines(c, conversation.id, 1);
      expect(line?.system).toMatchObject({
        event: 'conversation.started',
        params: { caseNumber: conversation.caseNumber },
      });
      return { line: line!, caseNumber: conversation.caseNumber };
    };

    const nobody = await welcome('billing');
    expect(nobody.line.system.params.teamAway).toBe('no-agents');
    expect(nobody.line.body).toBe(
      `Thanks for contacting us. Your case number is ${nobody.caseNumber}. Nobody from our team is online right now: you can keep this chat open and an advisor will answer here as soon as one is back, or leave a message and we'll reply by email.`,
    );
    const closed = await welcome('night');
    expect(closed.line.system.params.teamAway).toBe('closed');
    expect(closed.line.body).toContain('Our team is closed right now');

    // Repairs has its agent online (busy or not): the usual welcome.
    const staffed = await welcome('repairs');
    expect(staffed.line.system.params.teamAway).toBeUndefined();
    expect(staffed.line.body).toBe(
      `Thanks for contacting us. Your case number is ${staffed.caseNumber}, and an advisor will be with you shortly.`,
    );
  });
});
