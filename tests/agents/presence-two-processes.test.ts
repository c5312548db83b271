import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectAgentSocket, createSignedInAgent } from '../support/agent-client.js';
import { request, waitForConnect } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const GRACE = { AGENT_OFFLINE_GRACE_MS: '1000' };

/**
 * An agent is offline once no socket of theirs has been seen on any process
 * for the grace period (agents/agent-presence.ts): not sooner because another
 * process could not be asked, and not never because the process holding
 * their socket died.
 */
describe('agent presence across two server processes', () => {
  const servers: TestServer[] = [];
  const sockets: Socket[] = [];
  const start = async (namespace?: string) => {
    const server = await startTestServer({
      testFile: import.meta.filename,
      env: GRACE,
      ...(namespace ? { namespace } : {}),
    });
    servers.push(server);
    return server;
  };
  const connect = async (server: TestServer, cookie: string) => {
    const socket = connectAgentSocket(server.url, cookie, { reconnection: false });
    sockets.push(socket);
    await waitForConnect(socket);
    return socket;
  };
  const statusOf = async (server: TestServer, id: string) => (await server.app.services.agents.getById(id))?.status;

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    for (const server of servers.splice(0).reverse()) await server.stop();
  });
  afterAll(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });

  it('keeps an agent online who is connected to a process that cannot be asked right now', async () => {
    const a = await start();
    const b = await start(a.namespace);
    await sleep(1_200); // past each process's first grace period, from which it trusts the presence stamps
    const agent = await createSignedInAgent(a);
    const onA = await connect(a, agent.cookie);
    const onB = await connect(b, agent.cookie);
    expect(await request(onB, 'agent.status.set', { status: 'online' })).toMatchObject({ ok: true });
    // A's Socket.IO adapter loses its Redis subscription (a reconnect after a Redis blip, a
    // process just started): B cannot ask A for its sockets any more.
    a.app.redis.subscriber.disconnect();
    onB.disconnect();
    await sleep(3_000); // well past the grace period and B's check
    expect(onA.connected).toBe(true);
    expect(await statusOf(b, agent.agent.id)).toBe('online');
  });

  it('turns an agent offline whose process stopped with their socket, from the other process', async () => {
    const a = await start();
    const b = await start(a.namespace);
    const agent = await createSignedInAgent(a);
    const onA = await connect(a, agent.cookie);
    expect(await request(onA, 'agent.status.set', { status: 'online' })).toMatchObject({ ok: true });
    // A goes away with its timers: only B can still notice that nobody is at the desk.
    await a.app.stop();
    await expect.poll(() => statusOf(b, agent.agent.id), { timeout: 10_000, interval: 200 }).toBe('offline');
  });
});
