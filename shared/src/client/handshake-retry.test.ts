import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorPayload } from '../errors.js';
import { FakeTransport } from './fake-transport.js';
import { ProtocolClient } from './protocol-client.js';

const busy: ErrorPayload = { code: 'RATE_LIMITED', message: 'Too many connections.', retryable: true };
const storeAway: ErrorPayload = { code: 'STORE_UNAVAILABLE', message: 'The database is away.', retryable: true };

describe('ProtocolClient, when the server refuses the handshake', () => {
  let transport: FakeTransport;
  let protocol: ProtocolClient<object, object>;
  const connects = () => transport.auths.length;

  beforeEach(() => {
    vi.useFakeTimers();
    transport = new FakeTransport();
    protocol = new ProtocolClient({ createSocket: transport.factory, ackTimeoutMs: 1_000 });
    protocol.connect();
  });
  afterEach(() => {
    protocol.dispose();
    vi.useRealTimers();
  });

  it('tries again for a refusal that may pass later, waiting longer each time (0.5–1 s, then 1–2 s, …)', async () => {
    transport.refuseHandshake(busy);
    await vi.advanceTimersByTimeAsync(499);
    expect(connects()).toBe(1);
    await vi.advanceTimersByTimeAsync(501);
    expect(connects()).toBe(2);
    transport.refuseHandshake(storeAway);
    await vi.advanceTimersByTimeAsync(999);
    expect(connects()).toBe(2);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(connects()).toBe(3);
    transport.refuseHandshake(storeAway);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(connects()).toBe(3);
    await vi.advanceTimersByTimeAsync(2_001);
    expect(connects()).toBe(4);
  });

  it('starts from the short wait again once a session was ready', async () => {
    transport.refuseHandshake(busy);
    await vi.advanceTimersByTimeAsync(1_000);
    transport.refuseHandshake(busy);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(connects()).toBe(3);
    transport.serverEmit('session.ready', {});
    transport.refuseHandshake(busy);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connects()).toBe(4);
  });

  it('never waits more than 30 s', async () => {
    for (let refusal = 0; refusal < 10; refusal += 1) {
      transport.refuseHandshake(busy);
      await vi.advanceTimersByTimeAsync(30_000);
    }
    expect(connects()).toBe(11);
  });

  it('does not try again for a refusal that will not change, nor for a transport failure socket.io retries itself', async () => {
    transport.refuseHandshake({ code: 'ORIGIN_NOT_ALLOWED', message: 'Not from this page.', retryable: false });
    transport.refuseHandshake({ code: 'UNAUTHENTICATED', message: 'Sign in first.', retryable: false });
    transport.serverEmit('connect_error', new Error('websocket error'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connects()).toBe(1);
  });

  it('forgets a planned attempt when the client disconnects or is disposed', async () => {
    transport.refuseHandshake(busy);
    protocol.disconnect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connects()).toBe(1);
    protocol.connect();
    transport.refuseHandshake(busy);
    protocol.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connects()).toBe(2);
    expect(transport.listenerCount()).toBe(0);
  });
});
