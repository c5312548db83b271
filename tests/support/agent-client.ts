import { randomBytes } from 'node:crypto';
import type { AgentSession, AgentView } from '@switchboard/shared';
import { agentCreateSchema } from '@switchboard/shared/schemas';
import type { Socket } from 'socket.io-client';
import type { z } from 'zod';
import { connectSocket, type SocketTransport } from './socket-client.js';
import type { TestServer } from './test-server.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestAgent {
  agent: AgentView;
  email: string;
  password: string;
}

/**
 * Creates an agent through the running server's own agents service
 * (`server.app.services.agents`), i.e. the same code path as `POST /api/agents`
 * without needing an admin session. Defaults: a unique email, {@link TEST_PASSWORD},
 * role `agent`, capacity 3, English.
 */
export async function createAgent(
  server: TestServer,
  fields: Partial<z.input<typeof agentCreateSchema>> = {},
): Promise<TestAgent> {
  const email = fields.email ?? `agent-${randomBytes(4).toString('hex')}@example.com`;
  const password = fields.password ?? TEST_PASSWORD;
  const input = agentCreateSchema.parse({ displayName: 'Test Agent', ...fields, email, password });
  const agent = await server.app.services.agents.create(input);
  return { agent, email, password };
}

export interface SignedIn extends AgentSession {
  /** `sb_session=…`, ready for a `Cookie` header. */
  cookie: string;
}

/** The `sb_session=…` pair of a response's Set-Cookie, if any. */
export function sessionCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith('sb_session='));
}

/** Signs in over REST like the agent app (same-origin `Origin`); throws with the error body on refusal. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<SignedIn> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as AgentSession & { error?: unknown };
  const cookie = sessionCookieOf(response);
  if (response.status !== 200 || !cookie) {
    throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return { cookie, csrfToken: body.csrfToken, agent: body.agent };
}

/**
 * A REST call as the signed-in agent app makes it: cookie, same-origin `Origin`
 * and `X-CSRF-Token`. Override any header through `init.headers` (e.g. to test CSRF).
 */
export function agentFetch(
  baseUrl: string,
  session: Pick<SignedIn, 'cookie' | 'csrfToken'>,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie: session.cookie,
      origin: baseUrl,
      'x-csrf-token': session.csrfToken,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** An `/agent` socket authenticated by the session cookie, from the server's own origin (as the agent app). */
export function connectAgentSocket(
  baseUrl: string,
  cookie: string,
  options: { origin?: string; reconnection?: boolean; transports?: SocketTransport[] } = {},
): Socket {
  return connectSocket(baseUrl, 'agent', {
    extraHeaders: { cookie, origin: options.origin ?? baseUrl },
    ...(options.reconnection === undefined ? {} : { reconnection: options.reconnection }),
    ...(options.transports ? { transports: options.transports } : {}),
  });
}

/** Creates an agent and signs them in. */
export async function createSignedInAgent(
  server: TestServer,
  fields: Partial<z.input<typeof agentCreateSchema>> = {},
): Promise<TestAgent & SignedIn> {
  const created = await createAgent(server, fields);
  const session = await signIn(server.url, created.email, created.password);
  return { ...created, ...session };
}

/** An admin, a supervisor and an agent, each signed in: who the permission tests call as. */
export interface SignedInRoles {
  admin: TestAgent & SignedIn;
  supervisor: TestAgent & SignedIn;
  agent: TestAgent & SignedIn;
}

/** Creates and signs in one agent of each role (`adminFields` names the admin, e.g. for audit records). */
export async function signInRoles(
  server: TestServer,
  adminFields: Partial<z.input<typeof agentCreateSchema>> = {},
): Promise<SignedInRoles> {
  const admin = await createSignedInAgent(server, { ...adminFields, role: 'admin' });
  const supervisor = await createSignedInAgent(server, { role: 'supervisor' });
  const agent = await createSignedInAgent(server, { role: 'agent' });
  return { admin, supervisor, agent };
}
