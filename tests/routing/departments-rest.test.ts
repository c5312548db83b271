import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, signInRoles, type SignedIn } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('departments REST and the public topic list', () => {
  let server: TestServer;
  let admin: SignedIn;
  let supervisor: SignedIn;
  let agent: SignedIn;
  const call = (who: SignedIn, path: string, init: Parameters<typeof agentFetch>[3] = {}) =>
    agentFetch(server.url, who, path, init);
  const body = async (response: Response) => (await response.json()) as Record<string, unknown>;

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    ({ admin, supervisor, agent } = await signInRoles(server));
  });
  afterAll(() => server.stop());

  it('admins create, update and archive; supervisors read; agents and strangers are refused', async () => {
    const input = {
      name: 'Mac',
      names: { en: 'Mac', fr: 'Mac (ordinateurs)', 'zh-Hant': 'Mac 電腦' },
      topics: [{ key: 'mac-battery', labels: { en: 'Mac — battery', fr: 'Mac — batterie' } }],
      languages: ['en', 'fr'],
      hours: {
        timeZone: 'America/New_York',
        weekly: { mon: [{ open: '08:00', close: '20:00' }] },
        holidays: ['2026-11-26'],
      },
      strategy: 'round-robin',
      languageFallbackSeconds: 30,
    };
    const created = await call(admin, '/api/departments', { method: 'POST', body: input });
    expect(created.status).toBe(201);
    const { department } = (await created.json()) as { department: { id: string } };
    expect(department).toMatchObject({
      ...input,
      maxQueueWaitSeconds: null,
      archived: false,
      openNow: expect.any(Boolean),
    });

    expect((await call(supervisor, '/api/departments')).status).toBe(200);
    expect(await body(await call(supervisor, `/api/departments/${department.id}`))).toMatchObject({
      department: { name: 'Mac' },
    });
    expect((await call(agent, '/api/departments')).status).toBe(403);
    expect((await call(supervisor, '/api/departments', { method: 'POST', body: input })).status).toBe(403);
    expect((await fetch(`${server.url}/api/departments`)).status).toBe(401);

    const patched = await call(admin, `/api/departments/${department.id}`, {
      method: 'PATCH',
      body: { maxQueueWaitSeconds: 600, strategy: 'least-loaded' },
    });
    expect(await body(patched)).toMatchObject({ department: { maxQueueWaitSeconds: 600, strategy: 'least-loaded' } });
    // The names customers read, per language: replaced as a whole like every other field.
    const renamed = await call(admin, `/api/departments/${department.id}`, {
      method: 'PATCH',
      body: { names: { fr: 'Ordinateurs Mac' } },
    });
    expect(await body(renamed)).toMatchObject({ department: { name: 'Mac', names: { fr: 'Ordinateurs Mac' } } });
    // Takes effect at once: new chats for the topic land in this department.
    expect((await server.app.services.departments.departmentFor('mac-battery'))?.toHexString()).toBe(department.id);

    const archived = await call(admin, `/api/departments/${department.id}`, { method: 'DELETE' });
    expect(await body(archived)).toMatchObject({ department: { archived: true } });
    expect(await server.app.services.departments.departmentFor('mac-battery')).toBeNull();
    expect(await body(await call(admin, '/api/departments'))).toMatchObject({ departments: [] });
    expect(((await body(await call(admin, '/api/departments?archived=true'))).departments as unknown[]).length).toBe(1);
  });

  it('validates bodies, ids and uniqueness with clear errors, storing nothing', async () => {
    const bad: [unknown, string][] = [
      [{}, 'VALIDATION_FAILED'],
      [{ name: 'X', strategy: 'random' }, 'VALIDATION_FAILED'],
      [{ name: 'X', hours: { timeZone: 'Mars/Olympus', weekly: {} } }, 'VALIDATION_FAILED'],
      [
        { name: 'X', hours: { timeZone: 'UTC', weekly: { mon: [{ open: '18:00', close: '09:00' }] } } },
        'VALIDATION_FAILED',
      ],
      [{ name: 'X', topics: [{ key: 'Not A Slug', labels: {} }] }, 'VALIDATION_FAILED'],
      [{ name: { $gt: '' } }, 'VALIDATION_FAILED'],
      [{ name: 'X', languages: ['xx'] }, 'VALIDATION_FAILED'],
      [{ name: 'X', names: { de: 'Kasse' } }, 'VALIDATION_FAILED'],
      [{ name: 'X', names: { fr: 'Facturation\nBcc: x@y.example' } }, 'VALIDATION_FAILED'],
      [{ name: 'X', names: { fr: '' } }, 'VALIDATION_FAILED'],
      [{ name: 'X', names: 'Facturation' }, 'VALIDATION_FAILED'],
    ];
    for (const [input, code] of bad) {
      const response = await call(admin, '/api/departments', { method: 'POST', body: input });
      expect(response.status, JSON.stringify(input)).toBe(400);
      expect(await body(response)).toMatchObject({ error: { code } });
    }
    const first = await call(admin, '/api/departments', {
      method: 'POST',
      body: { name: 'iPhone', topics: [{ key: 'iphone', labels: { en: 'iPhone' } }] },
    });
    expect(first.status).toBe(201);
    const clash = await call(admin, '/api/departments', {
      method: 'POST',
      body: { name: 'Phones', topics: [{ key: 'iphone', labels: {} }] },
    });
    expect(clash.status).toBe(409);
    expect(await body(clash)).toMatchObject({ error: { code: 'CONFLICT', details: { field: 'topics' } } });
    expect((await call(admin, '/api/departments', { method: 'POST', body: { name: 'iphone' } })).status).toBe(409);
    expect((await call(admin, '/api/departments/nope', { method: 'PATCH', body: { name: 'Y' } })).status).toBe(400);
    expect(
      (await call(admin, '/api/departments/0123456789abcdef01234567', { method: 'PATCH', body: { name: 'Y' } })).status,
    ).toBe(404);
    expect((await call(admin, '/api/departments/0123456789abcdef01234567', { method: 'DELETE' })).status).toBe(404);
    const listed = (await body(await call(admin, '/api/departments'))).departments as { name: string }[];
    expect(listed.map((d) => d.name)).toEqual(['iPhone']);
  });

  it('serves the pre-chat topics publicly, without internal data', async () => {
    const response = await fetch(`${server.url}/api/public/topics`);
    expect(response.status).toBe(200);
    const { topics } = (await response.json()) as { topics: Record<string, unknown>[] };
    expect(topics).toEqual([
      { key: 'iphone', labels: { en: 'iPhone' }, languages: ['en'], openNow: true, nextOpeningAt: null },
    ]);
  });

  it('shows supervisors the queue figures over REST', async () => {
    const response = await call(supervisor, '/api/routing/queues');
    expect(response.status).toBe(200);
    expect(await body(response)).toMatchObject({
      departments: expect.arrayContaining([expect.objectContaining({ name: 'iPhone', queued: 0 })]),
    });
    expect((await call(agent, '/api/routing/queues')).status).toBe(403);
  });
});
