import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '@switchboard/shared';
import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, eventually, openDesk, startChat } from './routing-support.js';
import { storedConversations } from '../support/stored.js';

/**
 * Capacity is reserved (in routing's Redis state) before the conversation is
 * taken, and given back when the conversation cannot be taken, so an agent's
 * count is never below the truth (routing/capacity.ts, routing-state.ts).
 */
describe('capacity reserved before the conversation is taken', () => {
  let server: TestServer;
  const cleanup: { disconnect(): void }[] = [];
  const agentRecord = async (id: string) => (await server.app.services.agents.getById(id))!;
  const routingView = (id: string) => server.app.services.routing.state.agent(id);

  beforeAll(async () => {
    // No sweep unless a test runs it: what repairs the counts here is said in each test.
    server = await startTestServer({ testFile: import.meta.filename, env: { ROUTING_SWEEP: '1h' } });
  });
  afterEach(() => {
    for (const each of cleanup.splice(0)) each.disconnect();
  });
  afterAll(() => server.stop());

  async function agentIn(name: string, capacity: number): Promise<{ desk: TestAgentDesk; departmentId: string }> {
    const department = await createDepartment(server, { name, topics: [{ key: name.toLowerCase(), labels: {} }] });
    const desk = await openDesk(server, { departmentIds: [department.id], languages: ['fr'], capacity });
    cleanup.push(desk);
    return { desk, departmentId: department.id };
  }

  it('gives the slot back, and the agent’s place in the rotation, when the chat was taken by someone else', async () => {
    const { desk } = await agentIn('Returned', 2);
    const before = await routingView(desk.principal.id);
    const result = await server.app.services.routing.capacity.claim(
      desk.principal.id,
      new Types.ObjectId().toHexString(),
      { need: 'online', queue: null },
      () => Promise.reject(new AppError('CONFLICT', 'Someone else took this chat.')),
    );
    expect(result.outcome).toBe('conversation-gone');
    expect(await routingView(desk.principal.id)).toEqual({ ...before, active: 0, reserved: 0 });
    expect(await agentRecord(desk.principal.id)).toMatchObject({ activeChats: 0, freeSlots: 2 });
  });

  it('never fills a slot a process holds reserved; the sweep frees one a dead process left', async () => {
    const { desk } = await agentIn('Reserved', 1);
    // A reservation of a process still writing its assignment, then of one that died doing so.
    const pending = `${server.app.config.REDIS_PREFIX}:rt:pend:${desk.principal.id}`;
    const orphan = new Types.ObjectId().toHexString();
    await server.app.redis.command.zadd(pending, Date.now(), orphan);
    const customer = new TestCustomer(server.url);
    cleanup.push(customer);
    await customer.connect();
    const { conversation } = await startChat(customer, { ...defaultPrechat, topic: 'reserved' });
    await sleep(1_000);
    expect((await server.app.services.conversations.load(conversation.id))?.status).toBe('queued');
    // A sweep now leaves a reservation that young alone: its process may still be writing.
    await server.app.services.routing.sweep();
    await sleep(500);
    expect((await server.app.services.conversations.load(conversation.id))?.status).toBe('queued');

    await server.app.redis.command.zadd(pending, Date.now() - 120_000, orphan);
    await server.app.services.routing.sweep();
    await eventually(async () => (await server.app.services.conversations.load(conversation.id))?.status === 'active');
    expect(await routingView(desk.principal.id)).toMatchObject({ active: 1, reserved: 0, capacity: 1 });
    await eventually(async () => (await agentRecord(desk.principal.id)).activeChats === 1);
  });

  it('stops a batch where the agent is full and counts exactly what it took', async () => {
    const { desk, departmentId } = await agentIn('Batch', 2);
    const customers = Array.from({ length: 3 }, () => new TestCustomer(server.url));
    cleanup.push(...customers);
    for (const each of customers) await each.connect();
    const started = [];
    for (const each of customers) started.push(await startChat(each, { ...defaultPrechat, topic: 'batch' }));
    await eventually(async () => (await agentRecord(desk.principal.id)).activeChats === 2);
    const statuses = await Promise.all(
      started.map(async ({ conversation }) => (await server.app.services.conversations.load(conversation.id))?.status),
    );
    expect(statuses.sort()).toEqual(['active', 'active', 'queued']);
    const live = await storedConversations(server.app).countDocuments({
      agentId: desk.principal.id,
      status: 'active',
      departmentId,
    });
    expect(live).toBe(2);
  });

  it('does not count a chat again that closed while the sweep read the database', async () => {
    const { desk } = await agentIn('Swept', 1);
    const { state } = server.app.services.routing;
    const chat = new Types.ObjectId().toHexString();
    await state.claimOne(desk.principal.id, chat, { need: 'online', queue: null });
    await state.commit(desk.principal.id, chat);
    // The sweep read the chat active, then it closed and its slot was released before the
    // sweep's repair reached this agent: the repair must not put the closed chat back.
    const readAt = Date.now() - 1;
    await state.release(desk.principal.id, chat);
    await state.reconcileAgent(desk.principal.id, [chat], readAt, 60_000);
    expect(await routingView(desk.principal.id)).toMatchObject({ active: 0, reserved: 0 });
  });

  it('does not count a chat that closed between its assignment and the commit of its slot', async () => {
    const { desk } = await agentIn('Committed', 1);
    const { state } = server.app.services.routing;
    const chat = new Types.ObjectId().toHexString();
    await state.claimOne(desk.principal.id, chat, { need: 'online', queue: null });
    // Written, told, and closed by the customer before the router's commit arrived.
    await state.release(desk.principal.id, chat);
    await state.commit(desk.principal.id, chat);
    expect(await routingView(desk.principal.id)).toMatchObject({ active: 0, reserved: 0 });
  });
});
