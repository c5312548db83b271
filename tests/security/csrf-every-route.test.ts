import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { appRoutes, concretePath, STATE_CHANGING, type AppRoute } from './app-routes.js';

const SERVER_SRC = path.resolve(import.meta.dirname, '../../server/src');

/**
 * State-changing routes that are not cookie-authenticated: a customer's form
 * from an email link, and a file's upload (its signed ticket is the credential).
 */
const PUBLIC_FORMS = new Set(['POST /rate/:conversationId', 'PUT /api/uploads/:ticket']);

/** `router.post('/…'` style declarations in the server's source: a cross-check that the live walk found them all. */
function declaredStateChangingRoutes(dir = SERVER_SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return declaredStateChangingRoutes(full);
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) return [];
    return [...readFileSync(full, 'utf8').matchAll(/router\.(post|put|patch|delete)\(\s*'([^']+)'/g)].map(
      (match) => `${match[1]!.toUpperCase()} ${match[2]!}`,
    );
  });
}

/** Everything stored, to show a refused request changed nothing. */
async function snapshot(server: TestServer): Promise<string> {
  const db = server.app.mongo.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const dump: Record<string, unknown[]> = {};
  for (const name of names) dump[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  return JSON.stringify(dump);
}

/**
 * CSRF on every state-changing REST route, found by walking the live Express
 * app: a signed-in admin's cookie is sent by the browser from any page, so
 * without the agent app's Origin and the session's X-CSRF-Token the call must
 * be refused before anything runs. (tests/agents/auth-rest.test.ts shows one
 * route in depth; this covers all of them, including routes added later.)
 */
describe('CSRF protection on every state-changing route', () => {
  let server: TestServer;
  let admin: SignedIn;
  let routes: AppRoute[];

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    admin = await createSignedInAgent(server, { role: 'admin' });
    routes = appRoutes(server).filter((route) => STATE_CHANGING.has(route.method));
  });
  afterAll(() => server.stop());

  it('finds every state-changing route the server declares', () => {
    const live = new Set(routes.map((route) => `${route.method} ${route.path}`));
    const declared = declaredStateChangingRoutes().filter((route) => !route.includes('${'));
    expect(declared.length).toBeGreaterThan(5);
    expect(declared.filter((route) => !live.has(route))).toEqual([]);
  });

  it('refuses each one without the token, with a wrong token, from a foreign or opaque Origin, or without an Origin', async () => {
    const before = await snapshot(server);
    const id = new Types.ObjectId().toHexString();
    const attempts: { name: string; headers: Record<string, string> }[] = [
      { name: 'no token', headers: { 'x-csrf-token': '' } },
      {
        name: 'wrong token',
        headers: { 'x-csrf-token': admin.csrfToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
      },
      { name: 'foreign origin', headers: { origin: 'https://evil.example' } },
      { name: 'opaque origin', headers: { origin: 'null' } },
      { name: 'look-alike origin', headers: { origin: `${server.url}.evil.example` } },
    ];
    const accepted: string[] = [];
    for (const route of routes.filter((r) => r.path !== '/api/auth/sign-in')) {
      // Public forms carry their own credential (the rating link's token), not the session: for them
      // only the Origin is checked, and a forged post with a right Origin still finds no token.
      const forOrigin = PUBLIC_FORMS.has(`${route.method} ${route.path}`);
      for (const attempt of attempts.filter((a) => !forOrigin || a.headers.origin !== undefined)) {
        const response = await agentFetch(server.url, admin, concretePath(route.path, id), {
          method: route.method,
          body: {},
          headers: attempt.headers,
        });
        const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
        if (response.status !== 403 || body?.error?.code !== 'CSRF_FAILED') {
          accepted.push(`${route.method} ${route.path} (${attempt.name}): ${response.status} ${JSON.stringify(body)}`);
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(await snapshot(server)).toBe(before);
    // The admin was not signed out by the forged sign-out either.
    expect((await agentFetch(server.url, admin, '/api/auth/me')).status).toBe(200);
  });

  it('refuses a sign-in posted from a foreign page (login CSRF) without setting a cookie', async () => {
    const response = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'whatever-it-is' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
