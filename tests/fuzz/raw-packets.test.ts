import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { eventually } from '../routing/routing-support.js';
import { rawFrame } from './raw-frames.js';
import { RawSocketIo } from './raw-socket.js';
import { countDocuments, retainedHeapBytes } from './server-state.js';

const RAW_CASES = Number(process.env.FUZZ_RAW_CASES ?? 1_500);
const WARM_UP_CASES = 100;
const HEAP_GROWTH_LIMIT_BYTES = 64 * 1024 * 1024;

/** `41/customer` or `41/customer,…`: a Socket.IO DISCONNECT packet for that namespace. */
const leavesNamespace = (frame: string, namespace: string) =>
  frame === `41${namespace}` || frame.startsWith(`41${namespace},`);

/**
 * Bad input never hurts, below the event layer: frames no Socket.IO client
 * would send, over a raw websocket. Each frame either leaves the connection
 * serving (a ping right after it is answered) or gets that one connection
 * closed; the server, the other clients and the data are never affected.
 */
describe('raw malformed Engine.IO / Socket.IO frames', () => {
  let server: TestServer;
  let bystander: TestCustomer;
  let bystanderConversation = '';
  let raw: RawSocketIo | undefined;
  let probeId = 1_000;
  const outcomes = { answered: 0, closed: 0, left: 0 };
  let storedBefore: Record<string, number>;
  let heapAfterWarmUp = 0;

  async function run(numRuns: number): Promise<void> {
    await fc.assert(
      fc.asyncProperty(fc.array(rawFrame, { minLength: 1, maxLength: 3 }), async (frames) => {
        if (!raw?.isOpen) raw = await RawSocketIo.open(server.url);
        const connection = raw;
        for (const frame of frames) connection.send(frame);
        // A DISCONNECT of our own namespace is the client leaving it: Socket.IO then
        // ignores the probe on that namespace (no answer, and rightly no close), so
        // there is nothing to probe; this connection is done.
        if (frames.some((frame) => typeof frame === 'string' && leavesNamespace(frame, connection.namespace))) {
          connection.close();
          outcomes.left += 1;
          return;
        }
        probeId += 1;
        outcomes[await connection.probe(probeId)] += 1;
      }),
      { numRuns, endOnFailure: true },
    );
  }

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    bystander = new TestCustomer(server.url);
    await bystander.connect();
    bystanderConversation = (await bystander.start()).conversation.id;
    await run(WARM_UP_CASES);
    heapAfterWarmUp = retainedHeapBytes();
    storedBefore = await countDocuments(server);
  }, 120_000);

  afterAll(async () => {
    raw?.close();
    bystander.disconnect();
    await server.stop();
  });

  it(`answers or closes only the offending connection, for ${RAW_CASES} random frame sequences`, async () => {
    await run(RAW_CASES);
    // Both outcomes happen: junk is not all refused the same way, and the probe really tells them apart.
    expect(outcomes.answered).toBeGreaterThan(0);
    expect(outcomes.closed).toBeGreaterThan(0);
  }, 300_000);

  it('leaves the server ready, other clients served, nothing stored, no sockets or memory kept', async () => {
    expect(await countDocuments(server)).toEqual(storedBefore);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(bystander.socket.connected).toBe(true);
    expect(await bystander.send(bystanderConversation, 'still here after the junk')).toMatchObject({ ok: true });

    raw?.close();
    raw = undefined;
    // Every raw connection is gone from the server: only the bystander's socket remains.
    await eventually(() => server.app.sockets.namespace('customer').sockets.size === 1);
    await eventually(() => server.app.sockets.io.engine.clientsCount === 1);
    expect(retainedHeapBytes() - heapAfterWarmUp).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
  });
});
