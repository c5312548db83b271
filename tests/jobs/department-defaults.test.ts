import { setTimeout as sleep } from 'node:timers/promises';
import type { DepartmentView } from '@switchboard/shared';
import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, eventually, patientRequest, setStatus } from '../routing/routing-support.js';
import { FAST_JOBS_ENV } from './chat.js';

/**
 * A department's auto-requeue distinguishes "the deployment's default"
 * (null) from "off" (`'off'`): an admin who leaves the field empty gets the
 * deployment's AGENT_IDLE_REQUEUE, as the console promised, including for a
 * null stored before `'off'` existed.
 */
describe("a department's thresholds: the deployment default is not off", () => {
  let server: TestServer;
  let admin: SignedIn;
  const cleanup: { disconnect(): void }[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { ...FAST_JOBS_ENV, CUSTOMER_IDLE_NUDGE: '1h', CUSTOMER_IDLE_CLOSE: '1h', AGENT_IDLE_REQUEUE: '500ms' },
    });
    admin = await createSignedInAgent(server, { role: 'admin' });
  });
  afterEach(() => {
    for (const each of cleanup.splice(0)) each.disconnect();
  });
  afterAll(() => server.stop());

  const patch = async (id: string, body: unknown) => {
    const response = await agentFetch(server.url, admin, `/api/departments/${id}`, { method: 'PATCH', body });
    return { status: response.status, body: (await response.json()) as { department?: DepartmentView } };
  };

  /** A chat of the department, picked up by an agent who never answers the customer. */
  async function ignoredChat(departmentId: string, topic: string) {
    const desk = await TestAgentDesk.open(server, { displayName: 'Silent', departmentIds: [departmentId] });
    cleanup.push(desk);
    await setStatus(desk, 'away');
    const customer = new TestCustomer(server.url);
    cleanup.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ ...defaultPrechat, topic });
    expect((await patientRequest(desk, 'conversation.pickup', { conversationId: conversation.id })).ok).toBe(true);
    expect(await customer.send(conversation.id, 'Hello?')).toMatchObject({ ok: true });
    return conversation.id;
  }

  const statusOf = async (id: string) => (await server.app.services.conversations.load(id))?.status;

  it('requeues after the deployment default when the field is empty, and never when it is off', async () => {
    const department = await createDepartment(server, { name: 'Phones', topics: [{ key: 'phones', labels: {} }] });
    // What the console's form sends for an empty field.
    const saved = await patch(department.id, { autoRequeueSeconds: null, agentReplySlaSeconds: null });
    expect(saved).toMatchObject({ status: 200, body: { department: { autoRequeueSeconds: null } } });
    const byDefault = await ignoredChat(department.id, 'phones');
    await eventually(async () => (await statusOf(byDefault)) === 'queued');

    expect(await patch(department.id, { autoRequeueSeconds: 'off' })).toMatchObject({
      status: 200,
      body: { department: { autoRequeueSeconds: 'off' } },
    });
    const neverMoved = await ignoredChat(department.id, 'phones');
    await eventually(
      async () => (await server.app.services.conversations.load(neverMoved))?.idle?.reason !== undefined,
    );
    await sleep(2_000);
    expect(await statusOf(neverMoved)).toBe('active');

    // Bad values are refused with the field named, and change nothing.
    for (const value of ['never', 0, -5, 86_401, 1.5, true]) {
      const refused = await patch(department.id, { autoRequeueSeconds: value });
      expect(refused.status, JSON.stringify(value)).toBe(400);
    }
    expect((await server.app.services.departments.get(department.id))?.autoRequeueSeconds).toBe('off');
  }, 60_000);

  it('reads a null stored before "off" existed as the deployment default', async () => {
    const department = await createDepartment(server, { name: 'Laptops', topics: [{ key: 'laptops', labels: {} }] });
    // As the old form left it in the database.
    await server.app.services.departments.model.updateOne(
      { _id: new Types.ObjectId(department.id) },
      { $set: { autoRequeueSeconds: null } },
    );
    const listed = await agentFetch(server.url, admin, '/api/departments');
    const views = ((await listed.json()) as { departments: DepartmentView[] }).departments;
    expect(views.find((view) => view.id === department.id)?.autoRequeueSeconds).toBeNull();
    const chat = await ignoredChat(department.id, 'laptops');
    await eventually(async () => (await statusOf(chat)) === 'queued');
  }, 60_000);
});
