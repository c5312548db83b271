import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, connectAgentSocket, createSignedInAgent, signIn, type SignedIn } from '../support/agent-client.js';
import { waitForConnect, waitForConnectError } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Resolves when the server ends the socket on its own: `session.ended`, then the disconnect. */
function endedByServer(socket: Socket): Promise<{ reason: string; disconnect: string }> {
  return new Promise((resolve) => {
    socket.once('session.ended', ({ reason }: { reason: string }) => {
      socket.once('disconnect', (disconnect) => resolve({ reason, disconnect }));
    });
  });
}

/**
 * Revoked sessions lose their sockets at once (pushed through the adapter,
 * no polling) and cannot come back, not even a client that keeps retrying
 * like the agent app. tests/agents/agent-socket.test.ts covers deactivation
 * and sign-out of one tab; tests/agents/two-processes.test.ts the same
 * across processes. This adds what a stolen or stale session could try next.
 */
describe('revoked agent sessions cannot resume', () => {
  let server: TestServer;
  let admin: SignedIn;
  const sockets: Socket[] = [];
  const track = (socket: Socket) => {
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    admin = await createSignedInAgent(server, { role: 'admin' });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.stop());

  it('sign-out: the socket is ended, and a retrying client with the old cookie is refused', async () => {
    const agent = await createSignedInAgent(server);
    const socket = track(connectAgentSocket(server.url, agent.cookie, { reconnection: true }));
    await waitForConnect(socket);
    const ended = endedByServer(socket);
    const refusedAgain = waitForConnectError(socket);
    // A server-side disconnect stops Socket.IO's auto-reconnect; the app then reconnects by hand.
    void ended.then(() => socket.connect());

    expect((await agentFetch(server.url, agent, '/api/auth/sign-out', { method: 'POST' })).status).toBe(204);
    expect(await ended).toEqual({ reason: 'signed-out', disconnect: 'io server disconnect' });
    expect((await refusedAgain).data).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await agentFetch(server.url, agent, '/api/auth/me')).status).toBe(401);
  });

  it('password reset: every session of the agent ends, on every tab; only the new password works', async () => {
    const agent = await createSignedInAgent(server);
    const laptop = await signIn(server.url, agent.email, agent.password);
    const tabs = [agent.cookie, agent.cookie, laptop.cookie].map((cookie) =>
      track(connectAgentSocket(server.url, cookie)),
    );
    await Promise.all(tabs.map(waitForConnect));
    const ended = tabs.map(endedByServer);

    const newPassword = 'a brand new long password';
    const reset = await agentFetch(server.url, admin, `/api/agents/${agent.agent.id}/reset-password`, {
      method: 'POST',
      body: { password: newPassword },
    });
    expect(reset.status).toBeLessThan(300);
    for (const end of await Promise.all(ended)) expect(end.disconnect).toBe('io server disconnect');

    for (const cookie of [agent.cookie, laptop.cookie]) {
      expect((await waitForConnectError(track(connectAgentSocket(server.url, cookie)))).data).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect((await agentFetch(server.url, { cookie, csrfToken: '' }, '/api/auth/me')).status).toBe(401);
    }
    await expect(signIn(server.url, agent.email, agent.password)).rejects.toThrow(/401/);
    const fresh = await signIn(server.url, agent.email, newPassword);
    await waitForConnect(track(connectAgentSocket(server.url, fresh.cookie)));
  });

  it('deactivation: a new sign-in is refused too, and reactivation does not revive old sessions', async () => {
    const agent = await createSignedInAgent(server);
    const socket = track(connectAgentSocket(server.url, agent.cookie));
    await waitForConnect(socket);
    const ended = endedByServer(socket);
    const patch = (active: boolean) =>
      agentFetch(server.url, admin, `/api/agents/${agent.agent.id}`, { method: 'PATCH', body: { active } });
    expect((await patch(false)).status).toBe(200);
    expect(await ended).toEqual({ reason: 'deactivated', disconnect: 'io server disconnect' });
    await expect(signIn(server.url, agent.email, agent.password)).rejects.toThrow(/401/);

    expect((await patch(true)).status).toBe(200);
    const old = track(connectAgentSocket(server.url, agent.cookie));
    expect((await waitForConnectError(old)).data).toMatchObject({ code: 'UNAUTHENTICATED' });
    const again = await signIn(server.url, agent.email, agent.password);
    await waitForConnect(track(connectAgentSocket(server.url, again.cookie)));
  });
});
