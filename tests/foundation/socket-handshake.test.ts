import { PROTOCOL_VERSION } from '@switchboard/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAgentSocket, createSignedInAgent } from '../support/agent-client.js';
import { connectSocket, request, waitForConnect, waitForConnectError } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('Socket.IO handshake and acknowledged events', () => {
  let server: TestServer;
  const sockets: Socket[] = [];
  const open = (...args: Parameters<typeof connectSocket>) => {
    const socket = connectSocket(...args);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.stop());

  it('round-trips system.ping with an ack on /customer', async () => {
    const socket = open(server.url, 'customer');
    await waitForConnect(socket);
    const sentAt = Date.now();
    const result = await request(socket, 'system.ping', { sentAt });
    expect(result).toEqual({ ok: true, data: { sentAt, serverTime: expect.any(Number) } });
  });

  it('round-trips system.ping on /agent for a signed-in agent', async () => {
    const { cookie } = await createSignedInAgent(server);
    const socket = connectAgentSocket(server.url, cookie);
    sockets.push(socket);
    await waitForConnect(socket);
    const sentAt = Date.now();
    const result = await request(socket, 'system.ping', { sentAt });
    expect(result).toEqual({ ok: true, data: { sentAt, serverTime: expect.any(Number) } });
  });

  it('refuses another protocol version with a typed reason', async () => {
    const socket = open(server.url, 'customer', { auth: { protocolVersion: PROTOCOL_VERSION + 1 } });
    const error = await waitForConnectError(socket);
    expect(error.data).toMatchObject({
      code: 'PROTOCOL_VERSION_UNSUPPORTED',
      retryable: false,
      details: { serverVersion: PROTOCOL_VERSION },
    });
    expect(error.message).toContain(`server speaks ${PROTOCOL_VERSION}`);
  });

  it('refuses a handshake without a protocol version', async () => {
    const socket = open(server.url, 'agent', { auth: { hello: 'there' } });
    const error = await waitForConnectError(socket);
    expect(error.data).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers a malformed payload with VALIDATION_FAILED and keeps the socket', async () => {
    const socket = open(server.url, 'customer');
    await waitForConnect(socket);
    const result = await request(socket, 'system.ping', { sentAt: { $ne: null } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', retryable: false } });
    expect(await request(socket, 'system.ping', { sentAt: 1 })).toMatchObject({ ok: true });
  });

  it('answers an unknown event with UNKNOWN_EVENT', async () => {
    const socket = open(server.url, 'customer');
    await waitForConnect(socket);
    expect(await request(socket, 'admin.dropEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_EVENT' },
    });
  });

  it('survives an event without an ack callback', async () => {
    const socket = open(server.url, 'customer');
    await waitForConnect(socket);
    socket.emit('system.ping', { sentAt: 'not a number' });
    socket.emit('no.such.event');
    expect(await request(socket, 'system.ping', { sentAt: 2 })).toMatchObject({ ok: true });
  });
});
