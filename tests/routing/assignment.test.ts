import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationView, Prechat } from '@switchboard/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, eventually, openDesk, setStatus } from './routing-support.js';
import { storedConversations } from '../support/stored.js';

describe('routing within one server', () => {
  let server: TestServer;
  const desks: TestAgentDesk[] = [];
  const customers: TestCustomer[] = [];

  const desk = async (...args: Parameters<typeof openDesk>) => {
    const opened = await openDesk(...args);
    desks.push(opened);
    return opened;
  };
  const start = async (
    prechat: Partial<Prechat>,
  ): Promise<{ customer: TestCustomer; conversation: ConversationView }> => {
    const customer = new TestCustomer(server.url);
    customers.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ ...defaultPrechat, ...prechat });
    return { customer, conversation };
  };
  const load = (id: string) => server.app.services.conversations.load(id);
  const assignedTo = async (id: string) => (await load(id))?.agentId?.toHexString();
  const waitAssigned = async (id: string, timeoutMs = 10_000) => {
    await eventually(async () => (await load(id))?.status === 'active', timeoutMs);
    return (await assignedTo(id))!;
  };
  const activeCount = (agentId: string) =>
    storedConversations(server.app).countDocuments({ agentId, status: 'active' });

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { ROUTING_QUEUE_DEBOUNCE: '30' } });
  });
  afterEach(async () => {
    // Agents left online would take the next test's chats.
    for (const opened of desks.splice(0)) {
      await setStatus(opened, 'offline').catch(() => undefined);
      opened.disconnect();
    }
    for (const customer of customers.splice(0)) customer.disconnect();
  });
  afterAll(() => server.stop());

  it('least-loaded: spreads chats evenly and keeps doing so as chats close (fairness ≤ 1)', async () => {
    const department = await createDepartment(server, { name: 'Fair', topics: [{ key: 'fair', labels: {} }] });
    const team = await Promise.all(
      [1, 2, 3].map(() => desk(server, { departmentIds: [department.id], languages: ['fr'], capacity: 4 })),
    );
    const ids = team.map((d) => d.principal.id);
    const started: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const { conversation } = await start({ topic: 'fair' });
      started.push(conversation.id);
      await waitAssigned(conversation.id);
    }
    const spread = async () => Promise.all(ids.map(activeCount));
    let loads = await spread();
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b)).toBe(7);

    // Steady load: chats end on the busiest agent, new ones arrive — the spread stays within one.
    for (let round = 0; round < 4; round += 1) {
      loads = await spread();
      const busiest = ids[loads.indexOf(Math.max(...loads))]!;
      const [toClose] = await server.app.services.conversations.liveForAgent(busiest);
      await server.app.services.conversations.close(toClose!, { kind: 'agent', id: busiest });
      const { conversation } = await start({ topic: 'fair' });
      await waitAssigned(conversation.id);
      loads = await spread();
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    }
    // Stored counters agree with the conversations (re-counted just after each close).
    await eventually(async () => {
      const records = await Promise.all(ids.map((id) => server.app.services.agents.getById(id)));
      return records.every(
        (record, index) => record?.activeChats === loads[index] && record?.freeSlots === 4 - loads[index]!,
      );
    });
  });

  it('round-robin: rotates by longest since last assignment, regardless of load', async () => {
    const department = await createDepartment(server, {
      name: 'Rotation',
      topics: [{ key: 'rotation', labels: {} }],
      strategy: 'round-robin',
    });
    const team: TestAgentDesk[] = [];
    for (let i = 0; i < 3; i += 1) {
      team.push(await desk(server, { departmentIds: [department.id], languages: ['fr'], capacity: 10 }));
    }
    const order: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { conversation } = await start({ topic: 'rotation' });
      order.push(await waitAssigned(conversation.id));
      if (i === 0) {
        // Least-loaded would now avoid the first agent forever; round-robin comes back to them in turn.
        await server.app.services.conversations.close((await load(conversation.id))!, { kind: 'system' });
      }
    }
    const [a, b, c] = order;
    expect(new Set([a, b, c]).size).toBe(3);
    expect(order).toEqual([a, b, c, a, b, c]);
  });

  it('prefers an agent who speaks the language, then falls back to anyone after the department delay', async () => {
    const department = await createDepartment(server, {
      name: 'Languages',
      topics: [{ key: 'languages', labels: {} }],
      languages: ['en', 'fr', 'ru'],
      languageFallbackSeconds: 2,
    });
    const english = await desk(server, { departmentIds: [department.id], languages: ['en'], capacity: 3 });
    const french = await desk(server, { departmentIds: [department.id], languages: ['fr', 'en'], capacity: 3 });
    const first = await start({ topic: 'languages', language: 'fr' });
    expect(await waitAssigned(first.conversation.id)).toBe(french.principal.id);
    // The French speaker is busier now, but still preferred for French.
    const second = await start({ topic: 'languages', language: 'fr' });
    expect(await waitAssigned(second.conversation.id)).toBe(french.principal.id);

    const russian = await start({ topic: 'languages', language: 'ru' });
    await sleep(1_000);
    expect((await load(russian.conversation.id))?.status).toBe('queued');
    expect(await waitAssigned(russian.conversation.id, 5_000)).toBe(english.principal.id);
    const assigned = (await load(russian.conversation.id))!;
    expect(assigned.assignedAt!.getTime() - assigned.queuedAt.getTime()).toBeGreaterThanOrEqual(1_900);
  });

  it('serves the queue oldest first when an agent comes online, and never beyond capacity', async () => {
    const department = await createDepartment(server, { name: 'Fifo', topics: [{ key: 'fifo', labels: {} }] });
    const waiting: string[] = [];
    for (let i = 0; i < 4; i += 1) waiting.push((await start({ topic: 'fifo' })).conversation.id);
    const agent = await desk(server, { departmentIds: [department.id], languages: ['fr'], capacity: 2 }, 'offline');
    await setStatus(agent, 'online');
    await eventually(async () => (await activeCount(agent.principal.id)) === 2);
    await sleep(300);
    const states = await Promise.all(waiting.map(async (id) => (await load(id))?.status));
    expect(states).toEqual(['active', 'active', 'queued', 'queued']);
    // A closed chat frees the slot for the next in line.
    await server.app.services.conversations.close((await load(waiting[0]!))!, { kind: 'customer' });
    expect(await waitAssigned(waiting[2]!)).toBe(agent.principal.id);
    expect((await load(waiting[3]!))?.status).toBe('queued');
    // The agent's desk heard about each assignment.
    await agent.waitFor(() =>
      waiting
        .slice(0, 3)
        .every((id) =>
          agent.events.some((e) => e.event === 'conversation.updated' && (e.payload as ConversationView).id === id),
        ),
    );
  });
});
