import type { ApiTokenCreated, ApiTokenView, AuditEntryView } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, signInRoles, type SignedInRoles } from '../support/agent-client.js';
import { connectSocket, waitForConnectError } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('API tokens for server-to-server REST', () => {
  let server: TestServer;
  let roles: SignedInRoles;

  const asAdmin = (route: string, init: { method?: string; body?: unknown } = {}) =>
    agentFetch(server.url, roles.admin, route, init);
  /** A call as a server makes it: the token only, no cookie, no Origin, no CSRF token. */
  const withToken = (secret: string, route: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${route}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${secret}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  async function createToken(body: Record<string, unknown>): Promise<ApiTokenCreated> {
    const response = await asAdmin('/api/api-tokens', { method: 'POST', body });
    expect(response.status).toBe(201);
    return (await response.json()) as ApiTokenCreated;
  }
  const codeOf = async (response: Response) => ((await response.json()) as { error?: { code: string } }).error?.code;
  const auditOf = async (action: string) =>
    ((await (await asAdmin(`/api/audit?action=${action}&limit=200`)).json()) as { entries: AuditEntryView[] }).entries;

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    roles = await signInRoles(server);
  });
  afterAll(() => server.stop());

  it('shows a token once and stores only its hash', async () => {
    const { token, secret } = await createToken({ name: 'CRM sync', scopes: ['reports:read'], expiresInDays: 30 });
    expect(secret).toMatch(/^sbt_[0-9a-f]{24}_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'CRM sync', scopes: ['reports:read'], prefix: secret.slice(0, 12) });
    expect(Date.parse(token.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const listed = await (await asAdmin('/api/api-tokens')).text();
    expect(listed).toContain(token.id);
    expect(listed).not.toContain(secret);
    const stored = JSON.stringify(await server.app.mongo.db!.collection('api_tokens').find({}).toArray());
    // The secret part whole (base64url may hold '_' itself, even first: no split on it).
    expect(stored).not.toContain(secret.slice('sbt_'.length + 24 + 1));
    expect((await auditOf('api-token.create'))[0]).toMatchObject({ target: { id: token.id } });
  });

  it('answers within its scopes and refuses everything else with FORBIDDEN, changing nothing', async () => {
    const { token, secret } = await createToken({ name: 'Reporting', scopes: ['reports:read', 'agents:read'] });
    const report = await withToken(secret, '/api/reports?from=2026-01-01&to=2026-01-31&timeZone=Europe/Paris');
    expect(report.status).toBe(200);
    expect((await withToken(secret, '/api/agents')).status).toBe(200);
    const agentsBefore = await server.app.services.agents.list();
    const refused = [
      ['POST', '/api/agents', { email: 'x@example.com', password: 'long enough pass', displayName: 'X' }],
      ['GET', '/api/audit', undefined],
      ['GET', '/api/webhooks', undefined],
      // Never sessions, the console's own routes or tokens themselves.
      ['GET', '/api/auth/me', undefined],
      ['GET', '/api/desk/settings', undefined],
      ['GET', '/api/api-tokens', undefined],
      ['POST', '/api/api-tokens', { name: 'escalate', scopes: ['agents:manage'] }],
      ['DELETE', `/api/api-tokens/${token.id}`, undefined],
    ] as const;
    for (const [method, route, body] of refused) {
      const response = await withToken(secret, route, { method, ...(body ? { body } : {}) });
      expect(response.status, `${method} ${route}`).toBe(403);
      expect(await codeOf(response)).toBe('FORBIDDEN');
    }
    expect(await server.app.services.agents.list()).toEqual(agentsBefore);
    // The bull-board dashboard is the console's too.
    expect((await withToken(secret, '/admin/queues')).status).toBe(403);
    // Every use was audited (the two answered, the refusals, the dashboard), and the last use kept.
    await expect
      .poll(async () => (await auditOf('api-token.use')).filter((entry) => entry.target.id === token.id).length)
      .toBe(2 + refused.length + 1);
    const uses = (await auditOf('api-token.use')).filter((entry) => entry.target.id === token.id);
    expect(uses.map((entry) => entry.details.status)).toEqual(expect.arrayContaining([200, 403]));
    expect(uses[0]!.actor).toMatchObject({ role: 'api-token' });
    const listed = (await (await asAdmin('/api/api-tokens')).json()) as { tokens: ApiTokenView[] };
    expect(listed.tokens.find((each) => each.id === token.id)?.lastUsedAt).toBeDefined();
  });

  it('changes what its scope allows without a session or CSRF token, audited as the token', async () => {
    const { secret } = await createToken({ name: 'Ops', scopes: ['webhooks:manage'] });
    const response = await withToken(secret, '/api/webhooks', {
      method: 'POST',
      body: { url: 'https://example.com/hook', events: ['conversation.closed'], enabled: false },
    });
    expect(response.status).toBe(201);
    const [entry] = await auditOf('webhook.create');
    expect(entry!.actor).toMatchObject({ role: 'api-token', name: 'API token “Ops”' });
  });

  it('never opens a socket', async () => {
    const { secret } = await createToken({ name: 'Sockets', scopes: [...['conversations:read', 'agents:read']] });
    const socket = connectSocket(server.url, 'agent', {
      extraHeaders: { authorization: `Bearer ${secret}`, origin: server.url },
    });
    const error = await waitForConnectError(socket);
    socket.disconnect();
    expect(error.data).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('stops working when revoked or expired, and refuses malformed tokens', async () => {
    const { token, secret } = await createToken({ name: 'Short-lived', scopes: ['agents:read'] });
    expect((await withToken(secret, '/api/agents')).status).toBe(200);
    const revoked = await asAdmin(`/api/api-tokens/${token.id}`, { method: 'DELETE' });
    expect(await revoked.json()).toMatchObject({ token: { id: token.id, revokedAt: expect.any(String) } });
    expect((await auditOf('api-token.revoke'))[0]).toMatchObject({ target: { id: token.id } });
    const after = await withToken(secret, '/api/agents');
    expect(after.status).toBe(401);
    expect(await codeOf(after)).toBe('UNAUTHENTICATED');

    const expiring = await createToken({ name: 'Expiring', scopes: ['agents:read'] });
    await server.app.mongo
      .db!.collection('api_tokens')
      .updateOne({ name: 'Expiring' }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await withToken(expiring.secret, '/api/agents')).status).toBe(401);

    const wrongSecret = `${secret.slice(0, 29)}${'A'.repeat(43)}`;
    for (const bad of ['', 'nonsense', wrongSecret, `${secret}x`, 'sbt_{"$ne":null}']) {
      const response = await withToken(bad, '/api/agents');
      expect(response.status, bad).toBe(401);
    }
  });

  it('refuses a bad token request with VALIDATION_FAILED, and non-admins', async () => {
    const before = ((await (await asAdmin('/api/api-tokens')).json()) as { tokens: unknown[] }).tokens.length;
    for (const body of [
      { name: 'x', scopes: ['everything'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['agents:read'], expiresInDays: 0 },
      { name: 'x', scopes: ['agents:read'], expiresInDays: 10_000 },
      { name: '', scopes: ['agents:read'] },
      { name: 'x', scopes: ['agents:read'], hash: 'mine' },
    ]) {
      const response = await asAdmin('/api/api-tokens', { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    for (const who of [roles.supervisor, roles.agent]) {
      const response = await agentFetch(server.url, who, '/api/api-tokens', {
        method: 'POST',
        body: { name: 'mine', scopes: ['agents:read'] },
      });
      expect(response.status).toBe(403);
    }
    const after = ((await (await asAdmin('/api/api-tokens')).json()) as { tokens: unknown[] }).tokens.length;
    expect(after).toBe(before);
  });
});
