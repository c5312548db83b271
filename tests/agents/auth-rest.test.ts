import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createAgent, createSignedInAgent, sessionCookieOf, signIn } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('agent sign-in, sessions and CSRF over REST', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { AGENT_SIGN_IN_MAX_ATTEMPTS: '4' } });
  });
  afterAll(() => server.stop());

  it('signs in with the right password: agent view, CSRF token and an httpOnly SameSite cookie', async () => {
    const { email, password, agent } = await createAgent(server, { displayName: 'Lei', languages: ['zh-Hans'] });
    const response = await post(
      `${server.url}/api/auth/sign-in`,
      { email: email.toUpperCase(), password },
      {
        origin: server.url,
      },
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ agent, csrfToken: expect.stringMatching(/^[\w-]{43}$/) });
    expect(JSON.stringify(body)).not.toContain('passwordHash');
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/sb_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/);
    expect(setCookie).not.toContain('Secure');
  });

  it('answers a wrong password and an unknown email with the same UNAUTHENTICATED', async () => {
    const { email } = await createAgent(server);
    const wrong = await post(`${server.url}/api/auth/sign-in`, { email, password: 'not the password' });
    const unknown = await post(`${server.url}/api/auth/sign-in`, {
      email: 'nobody@example.com',
      password: 'x'.repeat(12),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), retryable: false } });
    expect(sessionCookieOf(wrong)).toBeUndefined();
  });

  it('rate-limits sign-in attempts per email and address, even with the right password afterwards', async () => {
    const { email, password } = await createAgent(server);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await post(`${server.url}/api/auth/sign-in`, { email, password: 'wrong-password' })).status).toBe(401);
    }
    const limited = await post(`${server.url}/api/auth/sign-in`, { email, password });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.any(String),
        retryable: true,
        details: { retryAfterMs: expect.any(Number) },
      },
    });
    // Another account from the same address is not affected.
    const other = await createAgent(server);
    await expect(signIn(server.url, other.email, other.password)).resolves.toMatchObject({ agent: other.agent });
  });

  it('answers /me with the agent and token; without a cookie UNAUTHENTICATED', async () => {
    const session = await createSignedInAgent(server);
    const me = await agentFetch(server.url, session, '/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ agent: session.agent, csrfToken: session.csrfToken });
    const anonymous = await fetch(`${server.url}/api/auth/me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const forged = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: `sb_session=${'A'.repeat(43)}` } });
    expect(forged.status).toBe(401);
  });

  it('sign-out clears the cookie and the old cookie no longer works', async () => {
    const session = await createSignedInAgent(server);
    const out = await agentFetch(server.url, session, '/api/auth/sign-out', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join('\n')).toContain('sb_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
    expect((await agentFetch(server.url, session, '/api/auth/me')).status).toBe(401);
  });

  it('refuses state-changing calls without the CSRF token, with a wrong one or from a foreign Origin, changing nothing', async () => {
    const admin = await createSignedInAgent(server, { role: 'admin' });
    const target = await createAgent(server, { capacity: 3 });
    const path = `/api/agents/${target.agent.id}`;
    const attempts: Record<string, string>[] = [
      { 'x-csrf-token': '' },
      { 'x-csrf-token': 'x'.repeat(43) },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of attempts) {
      const response = await agentFetch(server.url, admin, path, { method: 'PATCH', body: { capacity: 9 }, headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'CSRF_FAILED', retryable: false } });
    }
    const signOut = await agentFetch(server.url, admin, '/api/auth/sign-out', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(signOut.status).toBe(403);
    const foreignSignIn = await post(
      `${server.url}/api/auth/sign-in`,
      { email: target.email, password: target.password },
      {
        origin: 'https://evil.example',
      },
    );
    expect(foreignSignIn.status).toBe(403);
    expect(sessionCookieOf(foreignSignIn)).toBeUndefined();
    const stored = await server.app.services.agents.getById(target.agent.id);
    expect(stored?.capacity).toBe(3);
    // The same call with the token from the agent app's origin works (and the admin is still signed in).
    const ok = await agentFetch(server.url, admin, path, { method: 'PATCH', body: { capacity: 9 } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ agent: { id: target.agent.id, capacity: 9 } });
  });

  it('refuses operator objects and wrong types with VALIDATION_FAILED and changes nothing', async () => {
    const admin = await createSignedInAgent(server, { role: 'admin' });
    const target = await createAgent(server, { displayName: 'Unchanged' });
    const injected = await post(`${server.url}/api/auth/sign-in`, { email: { $ne: null }, password: { $ne: null } });
    expect(injected.status).toBe(400);
    expect(await injected.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const bodies = [
      { capacity: '9' },
      { capacity: { $gt: 0 } },
      { role: 'root' },
      { displayName: { $set: { role: 'admin' } } },
      { departmentIds: [{ $ne: null }] },
      { passwordHash: 'x' },
      {},
    ];
    for (const body of bodies) {
      const response = await agentFetch(server.url, admin, `/api/agents/${target.agent.id}`, { method: 'PATCH', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const badId = await agentFetch(server.url, admin, '/api/agents/%7B%22%24ne%22%3Anull%7D', {
      method: 'PATCH',
      body: { capacity: 5 },
    });
    expect(badId.status).toBe(400);
    const created = await agentFetch(server.url, admin, '/api/agents', {
      method: 'POST',
      body: { email: { $gt: '' }, password: 'long enough password', displayName: 'X' },
    });
    expect(created.status).toBe(400);
    const stored = await server.app.services.agents.getById(target.agent.id);
    expect(stored).toMatchObject({ displayName: 'Unchanged', capacity: 3, role: 'agent' });
  });

  it('lets admins create, list, update and reset passwords; agents get FORBIDDEN', async () => {
    const admin = await createSignedInAgent(server, { role: 'admin' });
    const agent = await createSignedInAgent(server);
    const supervisor = await createSignedInAgent(server, { role: 'supervisor' });
    const newAgent = { email: 'New.Person@Example.com', password: 'a good long password', displayName: 'New Person' };

    for (const [method, path, body] of [
      ['GET', '/api/agents', undefined],
      ['POST', '/api/agents', newAgent],
      ['PATCH', `/api/agents/${agent.agent.id}`, { role: 'admin' }],
      ['POST', `/api/agents/${agent.agent.id}/reset-password`, { password: 'another long password' }],
    ] as const) {
      const response = await agentFetch(server.url, agent, path, { method, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect((await agentFetch(server.url, supervisor, '/api/agents')).status).toBe(200);
    const supervisorCreate = await agentFetch(server.url, supervisor, '/api/agents', {
      method: 'POST',
      body: newAgent,
    });
    expect(supervisorCreate.status).toBe(403);
    expect((await server.app.services.agents.getById(agent.agent.id))?.role).toBe('agent');

    const created = await agentFetch(server.url, admin, '/api/agents', { method: 'POST', body: newAgent });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      agent: { email: 'new.person@example.com', role: 'agent', capacity: 3 },
    });
    const duplicate = await agentFetch(server.url, admin, '/api/agents', { method: 'POST', body: newAgent });
    expect(duplicate.status).toBe(409);
    const list = (await (await agentFetch(server.url, admin, '/api/agents')).json()) as { agents: { email: string }[] };
    expect(list.agents.map((entry) => entry.email)).toContain('new.person@example.com');
    expect(JSON.stringify(list)).not.toContain('passwordHash');

    const reset = await agentFetch(server.url, admin, `/api/agents/${agent.agent.id}/reset-password`, {
      method: 'POST',
      body: { password: 'another long password' },
    });
    expect(reset.status).toBe(204);
    expect((await agentFetch(server.url, agent, '/api/auth/me')).status).toBe(401);
    await expect(signIn(server.url, agent.email, agent.password)).rejects.toThrow(/401/);
    await expect(signIn(server.url, agent.email, 'another long password')).resolves.toBeTruthy();

    const missing = await agentFetch(server.url, admin, `/api/agents/${'0'.repeat(24)}`, {
      method: 'PATCH',
      body: { capacity: 4 },
    });
    expect(missing.status).toBe(404);
  });

  it('will not deactivate or demote the last active admin', async () => {
    const lone = await startTestServer({ testFile: import.meta.filename });
    try {
      const admin = await createSignedInAgent(lone, { role: 'admin' });
      const response = await agentFetch(lone.url, admin, `/api/agents/${admin.agent.id}`, {
        method: 'PATCH',
        body: { active: false },
      });
      expect(response.status).toBe(409);
      expect((await agentFetch(lone.url, admin, '/api/auth/me')).status).toBe(200);
    } finally {
      await lone.stop();
    }
  });
});
