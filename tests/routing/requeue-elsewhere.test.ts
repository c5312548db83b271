import { setTimeout as sleep } from 'node:timers/promises';
import type { Prechat } from '@switchboard/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, eventually, openDesk, patientRequest, setStatus } from './routing-support.js';

/**
 * A chat requeued because its agent left it unanswered (or handed to a team)
 * goes to another advisor, as the customer is told, never straight back to
 * the one it left; that agent may still take it by hand.
 */
describe('a requeued chat goes to someone else', () => {
  let server: TestServer;
  const people: { disconnect(): void }[] = [];
  const desks: TestAgentDesk[] = [];

  const load = (id: string) => server.app.services.conversations.load(id);
  const assignedTo = async (id: string) => (await load(id))?.agentId?.toHexString() ?? null;
  async function start(topic: string, prechat: Partial<Prechat> = {}) {
    const customer = new TestCustomer(server.url);
    people.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ ...defaultPrechat, topic, ...prechat });
    return { customer, id: conversation.id };
  }
  async function desk(departmentId: string, displayName: string, capacity: number) {
    const opened = await openDesk(server, { departmentIds: [departmentId], languages: ['fr'], capacity, displayName });
    desks.push(opened);
    return opened;
  }

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { ROUTING_QUEUE_DEBOUNCE: '30' } });
  });
  afterEach(async () => {
    for (const opened of desks.splice(0)) {
      await setStatus(opened, 'offline').catch(() => undefined);
      opened.disconnect();
    }
    for (const each of people.splice(0)) each.disconnect();
  });
  afterAll(() => server.stop());

  it('to another agent with room, even when the one it left is the least loaded', async () => {
    const department = await createDepartment(server, {
      name: 'Elsewhere',
      topics: [{ key: 'elsewhere', labels: {} }],
    });
    const marie = await desk(department.id, 'Marie', 3);
    const first = await start('elsewhere');
    await eventually(async () => (await assignedTo(first.id)) === marie.principal.id);
    // Lei comes online with one chat already: by load alone Marie (empty after the requeue) would win.
    const lei = await desk(department.id, 'Lei', 3);
    const busy = await start('elsewhere');
    await eventually(async () => (await assignedTo(busy.id)) === lei.principal.id);

    const before = await load(first.id);
    await server.app.services.routing.requeue(before!);
    await eventually(async () => (await load(first.id))?.status === 'active');
    expect(await assignedTo(first.id)).toBe(lei.principal.id);
    // The customer was told of another advisor, and got one.
    await first.customer.waitFor(
      () => first.customer.received.filter((m) => m.system?.event === 'conversation.assigned').length === 2,
    );
    const assigned = first.customer.received.filter((m) => m.system?.event === 'conversation.assigned');
    expect(assigned.map((m) => m.system?.params.agentName)).toEqual(['Marie', 'Lei']);
    expect((await load(first.id))?.avoidAgentId ?? null).toBeNull();
  });

  it('waits for another agent rather than going back; the agent it left may still take it by hand', async () => {
    const department = await createDepartment(server, { name: 'Alone', topics: [{ key: 'alone', labels: {} }] });
    const marie = await desk(department.id, 'Marie', 3);
    const chat = await start('alone');
    await eventually(async () => (await assignedTo(chat.id)) === marie.principal.id);

    await server.app.services.routing.requeue((await load(chat.id))!);
    await server.app.services.routing.sweep();
    await sleep(500);
    expect(await load(chat.id)).toMatchObject({ status: 'queued', agentId: null });

    const picked = await patientRequest(marie, 'conversation.pickup', { conversationId: chat.id });
    expect(picked.ok).toBe(true);
    expect(await assignedTo(chat.id)).toBe(marie.principal.id);
  });

  it('a chat handed to a team goes to someone in it other than the agent who handed it on', async () => {
    const desk1 = await createDepartment(server, { name: 'Team', topics: [{ key: 'team', labels: {} }] });
    const marie = await desk(desk1.id, 'Marie', 3);
    const chat = await start('team');
    await eventually(async () => (await assignedTo(chat.id)) === marie.principal.id);
    const moved = await marie.request('conversation.transfer', {
      conversationId: chat.id,
      to: { departmentId: desk1.id },
    });
    expect(moved.ok).toBe(true);
    await sleep(500);
    expect(await load(chat.id)).toMatchObject({ status: 'queued' });
    const ana = await desk(desk1.id, 'Ana', 1);
    await eventually(async () => (await assignedTo(chat.id)) === ana.principal.id);
  });
});
