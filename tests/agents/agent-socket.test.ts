import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, connectAgentSocket, createSignedInAgent } from '../support/agent-client.js';
import { connectSocket, request, waitForConnect, waitForConnectError } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Resolves with the first event's payload, or rejects after `ms`. */
function nextEvent<T = unknown>(socket: Socket, event: string, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('agent sockets: session auth, status, revocation', () => {
  let server: TestServer;
  const sockets: Socket[] = [];
  const track = (socket: Socket) => {
    sockets.push(socket);
    return socket;
  };
  const statusOf = async (id: string) => (await server.app.services.agents.getById(id))?.status;

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { AGENT_OFFLINE_GRACE_MS: '1000' } });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.stop());

  it('connects with the session cookie; agent.status.set stores, acks and tells supervisors and the agent', async () => {
    const agent = await createSignedInAgent(server, { displayName: 'Marie' });
    const supervisor = await createSignedInAgent(server, { role: 'supervisor' });
    const agentSocket = track(connectAgentSocket(server.url, agent.cookie));
    const supervisorSocket = track(connectAgentSocket(server.url, supervisor.cookie));
    await Promise.all([waitForConnect(agentSocket), waitForConnect(supervisorSocket)]);

    const seenBySupervisor = nextEvent(supervisorSocket, 'agent.status.updated');
    const seenByAgent = nextEvent(agentSocket, 'agent.status.updated');
    const ack = await request(agentSocket, 'agent.status.set', { status: 'online' });
    expect(ack).toEqual({ ok: true, data: { ...agent.agent, status: 'online' } });
    expect(await seenBySupervisor).toEqual({ agentId: agent.agent.id, status: 'online' });
    expect(await seenByAgent).toEqual({ agentId: agent.agent.id, status: 'online' });
    expect(await statusOf(agent.agent.id)).toBe('online');

    expect(await request(agentSocket, 'agent.status.set', { status: 'busy' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await request(agentSocket, 'agent.status.set', { status: { $ne: null } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await statusOf(agent.agent.id)).toBe('online');
  });

  it('refuses a socket without a cookie, or with a forged one, as UNAUTHENTICATED', async () => {
    const bare = track(connectSocket(server.url, 'agent', { extraHeaders: { origin: server.url } }));
    expect((await waitForConnectError(bare)).data).toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = track(connectAgentSocket(server.url, `sb_session=${'B'.repeat(43)}`));
    expect((await waitForConnectError(forged)).data).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a valid cookie sent from a foreign page (cross-site WebSocket) as ORIGIN_NOT_ALLOWED', async () => {
    const agent = await createSignedInAgent(server);
    const socket = track(connectAgentSocket(server.url, agent.cookie, { origin: 'https://evil.example' }));
    expect((await waitForConnectError(socket)).data).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED', retryable: false });
  });

  it('deactivation ends the socket at once, with a reason, and the cookie cannot reconnect', async () => {
    const admin = await createSignedInAgent(server, { role: 'admin' });
    const agent = await createSignedInAgent(server);
    const socket = track(connectAgentSocket(server.url, agent.cookie));
    await waitForConnect(socket);
    await request(socket, 'agent.status.set', { status: 'online' });
    const ended = nextEvent(socket, 'session.ended', 2_000);
    const disconnected = nextEvent(socket, 'disconnect', 2_000);

    const response = await agentFetch(server.url, admin, `/api/agents/${agent.agent.id}`, {
      method: 'PATCH',
      body: { active: false },
    });
    expect(response.status).toBe(200);
    expect(await ended).toEqual({ reason: 'deactivated' });
    expect(await disconnected).toBe('io server disconnect');
    expect(await statusOf(agent.agent.id)).toBe('offline');

    const again = track(connectAgentSocket(server.url, agent.cookie));
    expect((await waitForConnectError(again)).data).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await agentFetch(server.url, agent, '/api/auth/me')).status).toBe(401);
  });

  it('sign-out closes the sockets opened with that session only', async () => {
    const agent = await createSignedInAgent(server);
    const { signIn } = await import('../support/agent-client.js');
    const otherDevice = await signIn(server.url, agent.email, agent.password);
    const here = track(connectAgentSocket(server.url, agent.cookie));
    const there = track(connectAgentSocket(server.url, otherDevice.cookie));
    await Promise.all([waitForConnect(here), waitForConnect(there)]);
    const ended = nextEvent(here, 'session.ended', 2_000);
    expect((await agentFetch(server.url, agent, '/api/auth/sign-out', { method: 'POST' })).status).toBe(204);
    expect(await ended).toEqual({ reason: 'signed-out' });
    await eventually(() => Promise.resolve(!here.connected));
    expect(there.connected).toBe(true);
    expect(await request(there, 'system.ping', { sentAt: 1 })).toMatchObject({ ok: true });
  });

  it('turns the agent offline after the last socket has been gone for the grace period', async () => {
    const agent = await createSignedInAgent(server);
    const socket = track(connectAgentSocket(server.url, agent.cookie));
    await waitForConnect(socket);
    await request(socket, 'agent.status.set', { status: 'away' });
    socket.disconnect();
    await eventually(async () => (await statusOf(agent.agent.id)) === 'offline');
  });

  it('keeps the status through a quick reconnect (a page reload)', async () => {
    const agent = await createSignedInAgent(server);
    const first = track(connectAgentSocket(server.url, agent.cookie));
    await waitForConnect(first);
    await request(first, 'agent.status.set', { status: 'online' });
    first.disconnect();
    const second = track(connectAgentSocket(server.url, agent.cookie));
    await waitForConnect(second);
    // Well past the 1 s grace: the timer fired, saw the new socket and left the status alone.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await statusOf(agent.agent.id)).toBe('online');
  });

  it('a role change reaches live sockets: a demoted supervisor stops getting status updates', async () => {
    const admin = await createSignedInAgent(server, { role: 'admin' });
    const supervisor = await createSignedInAgent(server, { role: 'supervisor' });
    const agent = await createSignedInAgent(server);
    const supervisorSocket = track(connectAgentSocket(server.url, supervisor.cookie));
    const agentSocket = track(connectAgentSocket(server.url, agent.cookie));
    await Promise.all([waitForConnect(supervisorSocket), waitForConnect(agentSocket)]);
    const patch = await agentFetch(server.url, admin, `/api/agents/${supervisor.agent.id}`, {
      method: 'PATCH',
      body: { role: 'agent' },
    });
    expect(patch.status).toBe(200);
    const received: unknown[] = [];
    supervisorSocket.on('agent.status.updated', (payload) => received.push(payload));
    const seenByAgent = nextEvent(agentSocket, 'agent.status.updated');
    await request(agentSocket, 'agent.status.set', { status: 'online' });
    await seenByAgent;
    await request(supervisorSocket, 'system.ping', { sentAt: 1 });
    expect(received).toEqual([]);
  });
});
