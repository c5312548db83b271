import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, connectAgentSocket, createSignedInAgent, signIn } from '../support/agent-client.js';
import { request, waitForConnect } from '../support/socket-client.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';

describe('agent sessions across two server processes', () => {
  let serverA: TestServer;
  let serverB: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    const namespace = uniqueNamespace(import.meta.filename);
    serverA = await startTestServer({ testFile: import.meta.filename, namespace });
    serverB = await startTestServer({ testFile: import.meta.filename, namespace });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await serverB.app.stop();
    await serverA.stop();
  });

  it('a session from A works on B; deactivation on A ends the socket on B within a second', async () => {
    const admin = await createSignedInAgent(serverA, { role: 'admin' });
    const agent = await createSignedInAgent(serverA);
    const supervisor = await signIn(serverB.url, admin.email, admin.password);
    const onB = connectAgentSocket(serverB.url, agent.cookie);
    const supervisorOnB = connectAgentSocket(serverB.url, supervisor.cookie);
    sockets.push(onB, supervisorOnB);
    await Promise.all([waitForConnect(onB), waitForConnect(supervisorOnB)]);

    // A status set on B reaches a supervisor socket wherever it is.
    const seen = new Promise((resolve) => supervisorOnB.once('agent.status.updated', resolve));
    expect(await request(onB, 'agent.status.set', { status: 'online' })).toMatchObject({ ok: true });
    expect(await seen).toEqual({ agentId: agent.agent.id, status: 'online' });

    const ended = new Promise((resolve) => onB.once('session.ended', resolve));
    const disconnected = new Promise((resolve) => onB.once('disconnect', resolve));
    const response = await agentFetch(serverA.url, admin, `/api/agents/${agent.agent.id}`, {
      method: 'PATCH',
      body: { active: false },
    });
    expect(response.status).toBe(200);
    expect(
      await Promise.race([disconnected, new Promise((resolve) => setTimeout(() => resolve('timeout'), 1_500))]),
    ).toBe('io server disconnect');
    expect(await ended).toEqual({ reason: 'deactivated' });
    expect(supervisorOnB.connected).toBe(true);
  });
});
