import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, eventually, openDesk, startChat } from './routing-support.js';

/**
 * A capacity change routes at once, and agents without a capacity of their own
 * take their departments' default.
 */
describe('agent capacity', () => {
  let server: TestServer;
  let admin: SignedIn;
  const cleanup: { disconnect(): void }[] = [];

  const activeWith = (agentId: string) =>
    server.app.services.conversations.model.countDocuments({ agentId, status: 'active' });

  async function startChats(topic: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const customer = new TestCustomer(server.url);
      cleanup.push(customer);
      await customer.connect();
      ids.push((await startChat(customer, { ...defaultPrechat, topic })).conversation.id);
    }
    return ids;
  }

  beforeAll(async () => {
    // The safety-net sweep is an hour away: whatever routes in these tests was triggered.
    server = await startTestServer({ testFile: import.meta.filename, env: { ROUTING_SWEEP: '1h' } });
    admin = await createSignedInAgent(server, { role: 'admin' });
  });
  afterEach(() => {
    for (const each of cleanup.splice(0)) each.disconnect();
  });
  afterAll(() => server.stop());

  it('routes a waiting chat as soon as an admin raises the agent’s capacity', async () => {
    const department = await createDepartment(server, { name: 'Grow', topics: [{ key: 'grow', labels: {} }] });
    const desk = await openDesk(server, { departmentIds: [department.id], languages: ['fr'], capacity: 1 });
    cleanup.push(desk);
    const [first, second] = (await startChats('grow', 2)) as [string, string];
    await eventually(async () => (await server.app.services.conversations.load(first))?.status === 'active');
    await sleep(500);
    expect((await server.app.services.conversations.load(second))?.status).toBe('queued');

    const patched = await agentFetch(server.url, admin, `/api/agents/${desk.principal.id}`, {
      method: 'PATCH',
      body: { capacity: 2 },
    });
    expect(patched.status).toBe(200);
    await eventually(async () => (await server.app.services.conversations.load(second))?.status === 'active');
    expect(await activeWith(desk.principal.id)).toBe(2);
  }, 60_000);

  it('uses the smallest department default for agents without their own capacity; their own wins', async () => {
    const two = await createDepartment(server, {
      name: 'Two',
      topics: [{ key: 'two', labels: {} }],
      defaultCapacity: 2,
    });
    const four = await createDepartment(server, {
      name: 'Four',
      topics: [{ key: 'four', labels: {} }],
      defaultCapacity: 4,
    });
    const desks: TestAgentDesk[] = [];
    const open = async (fields: Parameters<typeof openDesk>[1]) => {
      const desk = await openDesk(server, { languages: ['fr'], ...fields });
      desks.push(desk);
      cleanup.push(desk);
      return desk;
    };
    // In Four only, no capacity of their own: Four's default, 4.
    const inFour = await open({ departmentIds: [four.id], capacity: null });
    await startChats('four', 6);
    await eventually(async () => (await activeWith(inFour.principal.id)) === 4);
    await sleep(500);
    expect(await activeWith(inFour.principal.id)).toBe(4);

    // In both, no capacity of their own: the smaller default, 2 (Four's queue still holds two chats).
    const inBoth = await open({ departmentIds: [two.id, four.id], capacity: null });
    await eventually(async () => (await activeWith(inBoth.principal.id)) === 2);
    await startChats('two', 1);
    await sleep(500);
    expect(await activeWith(inBoth.principal.id)).toBe(2);

    // Their own capacity wins over any default; the admin's change routes at once.
    const patched = await agentFetch(server.url, admin, `/api/agents/${inBoth.principal.id}`, {
      method: 'PATCH',
      body: { capacity: 3 },
    });
    expect(((await patched.json()) as { agent: { capacity: number | null } }).agent.capacity).toBe(3);
    await eventually(async () => (await activeWith(inBoth.principal.id)) === 3);
    await sleep(500);
    expect(await activeWith(inBoth.principal.id)).toBe(3);
    expect(await activeWith(inFour.principal.id)).toBe(4);
    for (const desk of desks) desk.disconnect();
  }, 90_000);
});
