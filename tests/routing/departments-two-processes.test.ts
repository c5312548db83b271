import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, signInRoles, type SignedIn } from '../support/agent-client.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';

/**
 * Each process keeps the departments in memory (departments.service.ts); a
 * change saved on one process must be in effect on the other at once: for
 * the widget's topic list, a new chat's department and routing's reads.
 */
describe('departments changed on one server process apply at once on another', () => {
  let first: TestServer;
  let second: TestServer;
  let admin: SignedIn;

  const topicsOn = async (server: TestServer) =>
    ((await (await fetch(`${server.url}/api/public/topics`)).json()) as { topics: { key: string }[] }).topics.map(
      (topic) => topic.key,
    );

  beforeAll(async () => {
    const namespace = uniqueNamespace(import.meta.filename);
    first = await startTestServer({ testFile: import.meta.filename, namespace });
    second = await startTestServer({ testFile: import.meta.filename, namespace });
    ({ admin } = await signInRoles(first));
  });
  afterAll(async () => {
    await second.app.stop();
    await first.stop();
  });

  it('follows a create, an update and an archive made on the other process', async () => {
    const { departments } = second.app.services;
    expect(await topicsOn(second)).toEqual([]); // read now, so the next reads could come from memory
    const created = await agentFetch(first.url, admin, '/api/departments', {
      method: 'POST',
      body: { name: 'Audio', topics: [{ key: 'headphones', labels: { en: 'Headphones' } }], languages: ['en'] },
    });
    expect(created.status).toBe(201);
    const { department } = (await created.json()) as { department: { id: string } };
    expect(await topicsOn(second)).toEqual(['headphones']);
    expect((await departments.departmentFor('headphones'))?.toHexString()).toBe(department.id);

    const patched = await agentFetch(first.url, admin, `/api/departments/${department.id}`, {
      method: 'PATCH',
      body: { defaultCapacity: 7, topics: [{ key: 'speakers', labels: { en: 'Speakers' } }] },
    });
    expect(patched.status).toBe(200);
    expect(await topicsOn(second)).toEqual(['speakers']);
    expect((await departments.get(department.id))?.defaultCapacity).toBe(7);
    expect((await second.app.services.routing.limits.defaults()).get(department.id)).toBe(7);

    expect((await agentFetch(first.url, admin, `/api/departments/${department.id}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect(await topicsOn(second)).toEqual([]);
    expect(await departments.departmentFor('speakers')).toBeNull();
  });
});
