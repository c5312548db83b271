import { PROTOCOL_VERSION, type CustomerClientEvents, type CustomerServerEvents } from '@switchboard/shared';
import { ProtocolClient, type SocketPort } from '@switchboard/shared/client';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface Outcome {
  socket: Socket;
  connected: boolean;
  code?: unknown;
}

/**
 * One address may hold at most SOCKETS_PER_ADDRESS connections on a process:
 * the probe opened 400 customer sockets from one address in two seconds. The
 * test client plays the trusted proxy (TRUST_PROXY=loopback) to speak for
 * several addresses.
 */
describe('connections per address', () => {
  let server: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { TRUST_PROXY: 'loopback', SOCKETS_PER_ADDRESS: '20' },
    });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.stop());

  const open = (address: string, namespace: 'customer' | 'agent' = 'customer'): Promise<Outcome> => {
    const socket = connectSocket(server.url, namespace, { extraHeaders: { 'x-forwarded-for': address } });
    sockets.push(socket);
    return new Promise((resolve) => {
      socket.once('connect', () => resolve({ socket, connected: true }));
      socket.once('connect_error', (error: Error & { data?: { code?: unknown } }) =>
        resolve({ socket, connected: false, code: error.data?.code }),
      );
    });
  };
  const openMany = (count: number, address: string) => Promise.all(Array.from({ length: count }, () => open(address)));

  it('lets 20 of 60 simultaneous sockets from one address in, refuses the rest with RATE_LIMITED, and not others', async () => {
    const outcomes = await openMany(60, '203.0.113.1');
    expect(outcomes.filter((outcome) => outcome.connected)).toHaveLength(20);
    const refused = outcomes.filter((outcome) => !outcome.connected);
    expect(refused).toHaveLength(40);
    expect(new Set(refused.map((outcome) => outcome.code))).toEqual(new Set(['RATE_LIMITED']));
    // Another address is not affected.
    expect((await open('203.0.113.2')).connected).toBe(true);
    // Refused connections are closed by the server: the address's count goes back to its 20 open sockets.
    await expect.poll(() => server.app.sockets.io.engine.clientsCount).toBe(21);
  });

  it('counts every namespace and frees a slot when a socket closes', async () => {
    const outcomes = await openMany(20, '203.0.113.3');
    expect(outcomes.every((outcome) => outcome.connected)).toBe(true);
    // The agent namespace is refused the same way before it even looks for a session.
    expect(await open('203.0.113.3', 'agent')).toMatchObject({ connected: false, code: 'RATE_LIMITED' });
    outcomes[0]!.socket.disconnect();
    await expect.poll(async () => (await open('203.0.113.3')).connected).toBe(true);
  });

  it('counts raw connections that never join a namespace, and closes those over the limit', async () => {
    // Engine-level clients only: they never send a namespace connect.
    const raw = Array.from({ length: 25 }, () => {
      const manager = io(server.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        autoConnect: false,
        auth: { protocolVersion: PROTOCOL_VERSION },
        extraHeaders: { 'x-forwarded-for': '203.0.113.4' },
      }).io;
      manager.open();
      return manager;
    });
    try {
      await expect.poll(() => raw.filter((manager) => manager.engine.readyState === 'open').length).toBe(20);
      expect((await open('203.0.113.4')).code).toBe('RATE_LIMITED');
    } finally {
      for (const manager of raw) manager.engine.close();
    }
  });

  it('lets a client of ours in by itself once a slot is free: Socket.IO never retries the refusal, our clients do', async () => {
    const address = '203.0.113.5';
    const outcomes = await openMany(20, address);
    expect(outcomes.every((outcome) => outcome.connected)).toBe(true);
    const refusals: unknown[] = [];
    let ready = false;
    const client = new ProtocolClient<CustomerServerEvents, CustomerClientEvents>({
      // As the widget makes its socket.
      createSocket: (auth) =>
        io(`${server.url}/customer`, {
          transports: ['websocket'],
          forceNew: true,
          autoConnect: false,
          auth: (send) => send(auth()),
          extraHeaders: { 'x-forwarded-for': address },
        }) as unknown as SocketPort,
      ackTimeoutMs: 5_000,
    });
    client.on({
      connect_error: (error) => refusals.push(error.data?.code),
      'session.ready': () => {
        ready = true;
      },
    });
    try {
      client.connect();
      await expect.poll(() => refusals).toContain('RATE_LIMITED');
      outcomes[0]!.socket.disconnect();
      await expect.poll(() => ready).toBe(true);
      expect(client.connected).toBe(true);
    } finally {
      client.dispose();
    }
  });
});
