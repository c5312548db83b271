import { randomUUID } from 'node:crypto';
import type { BoardSnapshot, MessageLeft } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import type { TestServer } from '../support/test-server.js';
import { createDepartment } from '../routing/routing-support.js';
import {
  eventually,
  flagIdle,
  ok,
  openSupervisor,
  setStatus,
  startTwoProcesses,
  stopServers,
} from './supervision-support.js';

describe('supervisor live board', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await startTwoProcesses(import.meta.filename);
  });
  afterAll(() => stopServers(b, a));

  it('gives exact figures for seeded data and pushes changes made on another process', async () => {
    const phones = await createDepartment(a, { name: 'Phones', topics: [{ key: 'phones', labels: { en: 'Phones' } }] });
    const laptops = await createDepartment(a, {
      name: 'Laptops',
      topics: [{ key: 'laptops', labels: { en: 'Laptops' } }],
    });
    const pia = await TestAgentDesk.open(a, { displayName: 'Pia', capacity: 1, departmentIds: [phones.id] });
    const luc = await TestAgentDesk.open(a, { displayName: 'Luc', capacity: 2, departmentIds: [laptops.id] });
    await setStatus(luc, 'away');
    await setStatus(pia, 'online');
    const supervisor = await openSupervisor(b, { displayName: 'Zoe Supervisor' });
    await setStatus(supervisor, 'away');

    const customers: TestCustomer[] = [];
    const start = async (topic: string, name: string) => {
      const customer = new TestCustomer(a.url);
      await customer.connect();
      customers.push(customer);
      return (await customer.start({ ...defaultPrechat, name, topic, language: 'en' })).conversation.id;
    };
    const first = await start('phones', 'One');
    await eventually(async () => (await a.app.services.conversations.load(first))?.status === 'active');
    await start('phones', 'Two');
    await start('laptops', 'Three');
    await flagIdle(a, first, 'agent-unanswered');

    const board = ok(await supervisor.request<BoardSnapshot>('supervisor.board.get', {}));
    const row = (id: string | null) => board.departments.find((department) => department.departmentId === id);
    const figures = (id: string | null) => {
      const r = row(id);
      return r && [r.queued, r.activeChats, r.agentsOnline, r.agentsAway, r.freeSlots, r.totalSlots];
    };
    expect(figures(phones.id)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(figures(laptops.id)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(figures(null)).toEqual([0, 0, 1, 2, 0, 1]);
    expect(
      board.agents.map((agent) => [agent.displayName, agent.status, agent.load, agent.capacity, agent.idleChats]),
    ).toEqual([
      ['Luc', 'away', 0, 2, 0],
      ['Pia', 'online', 1, 1, 1],
      ['Zoe Supervisor', 'away', 0, 3, 0],
    ]);
    expect(board.totals).toEqual({
      queued: 2,
      offlineWaiting: 0,
      activeChats: 1,
      idle: 1,
      agentsOnline: 1,
      agentsAway: 2,
    });
    expect(row(phones.id)?.longestWaitSeconds).toBeGreaterThanOrEqual(0);

    // The same over REST.
    const session = await createSignedInAgent(b, { role: 'admin' });
    const rest = (await (await agentFetch(b.url, session, '/api/supervision/board')).json()) as BoardSnapshot;
    expect(rest.totals.queued).toBe(2);

    // A chat started on process A reaches the supervisor on process B as a pushed board.
    const pushed = () =>
      supervisor.events
        .filter((e) => e.event === 'supervisor.board.updated')
        .map((e) => e.payload as BoardSnapshot)
        .find((snapshot) => snapshot.departments.find((d) => d.departmentId === laptops.id)?.queued === 2);
    await start('laptops', 'Four');
    await supervisor.waitFor(() => pushed() !== undefined, 15_000);
    expect(pushed()?.totals.queued).toBe(3);
    for (const p of [pia, luc, supervisor, ...customers]) p.disconnect();
  });

  it('counts messages left offline on the board as their own kind, with how long the oldest has waited', async () => {
    const tablets = await createDepartment(a, {
      name: 'Tablets',
      topics: [{ key: 'tablets', labels: { en: 'Tablets' } }],
      // Closed every day: customers leave messages.
      hours: { timeZone: 'UTC', weekly: {}, holidays: [] },
    });
    const supervisor = await openSupervisor(b, { displayName: 'Yan Supervisor' });
    await setStatus(supervisor, 'away');
    const customers: TestCustomer[] = [];
    const leave = async (name: string) => {
      const customer = new TestCustomer(a.url);
      await customer.connect();
      customers.push(customer);
      const left = await customer.request<MessageLeft>('conversation.leaveMessage', {
        requestId: randomUUID(),
        prechat: { ...defaultPrechat, name, email: `${name.toLowerCase()}@example.com`, topic: 'tablets' },
        body: 'Please call me back.',
      });
      return ok(left).conversationId;
    };
    const oldest = await leave('Ana');
    await leave('Ben');
    // Twenty minutes ago, as in a morning's backlog.
    await a.app.services.conversations.model.updateOne(
      { _id: oldest },
      { $set: { queuedAt: new Date(Date.now() - 20 * 60_000) } },
    );
    // Written behind routing's back: its sweep takes the database's word, as after any repair.
    await a.app.services.routing.sweep();
    // A live chat waiting in the same queue is still counted as a queued chat, not as a message.
    const live = new TestCustomer(a.url);
    await live.connect();
    customers.push(live);
    await live.start({ ...defaultPrechat, name: 'Cy', topic: 'tablets', language: 'en' });

    await eventually(async () => {
      const board = ok(await supervisor.request<BoardSnapshot>('supervisor.board.get', {}));
      const row = board.departments.find((department) => department.departmentId === tablets.id);
      return (
        row?.offlineWaiting === 2 &&
        row.queued === 1 &&
        row.longestOfflineWaitSeconds >= 20 * 60 &&
        board.totals.offlineWaiting === 2
      );
    });
    for (const p of [supervisor, ...customers]) p.disconnect();
  });
});
