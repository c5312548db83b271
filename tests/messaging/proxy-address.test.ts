import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Behind load balancers every socket comes from the nearest one's address. With
// TRUST_PROXY listing the proxies, the per-address limit on starting chats (30 a
// minute) must count each visitor's own address (the right-most entry no listed
// proxy wrote), or one busy site would lock everyone out. Here the test client
// plays both proxies: loopback (our peer) and 10.0.0.2 in front of it.
describe('per-visitor limits behind a load balancer', () => {
  let server: TestServer;
  const customers: TestCustomer[] = [];
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { TRUST_PROXY: 'loopback, 10.0.0.2' } });
  });
  afterAll(async () => {
    for (const customer of customers) customer.disconnect();
    await server.stop();
  });

  const startFrom = async (address: string) => {
    // What the client wrote itself (left of the visitor's entry) changes nothing.
    const forged = `198.51.100.${customers.length}`;
    const customer = new TestCustomer(server.url, {
      headers: { 'x-forwarded-for': `${forged}, ${address}, 10.0.0.2` },
    });
    customers.push(customer);
    await customer.connect();
    return customer.request('conversation.start', { prechat: defaultPrechat });
  };

  it('counts the forwarded visitor address, so one visitor over the limit leaves others unaffected', async () => {
    for (let i = 0; i < 30; i += 1) expect((await startFrom('203.0.113.7')).ok).toBe(true);
    const refused = await startFrom('203.0.113.7');
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await startFrom('203.0.113.8')).ok).toBe(true);
  });
});
