import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedProcess } from '../cluster/managed-process.js';
import { startNginx, type ForwardedFor } from '../cluster/nginx.js';
import { createAgent } from '../support/agent-client.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Two client machines as nginx sees them: every 127.x address is loopback on Linux. */
const ATTACKER = '127.0.0.2';
const OFFICE = '127.0.0.3';
/** A second attacking machine, whose per-address sign-in budget the first test has not spent. */
const FORGER = '127.0.0.4';

/** A sign-in from `localAddress`, with whatever `X-Forwarded-For` the client chooses to write. */
function signInFrom(
  url: string,
  localAddress: string,
  body: { email: string; password: string },
  forwardedFor?: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL('/api/auth/sign-in', url);
    const request = httpRequest(
      target,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          origin: url,
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/**
 * Behind nginx, every limit keyed on the client's address must count the
 * address nginx saw, whatever `X-Forwarded-For` the client wrote itself:
 * otherwise rotating that header dodges the limits, and naming someone
 * else's address in it locks them out. Both ways nginx can fill the header
 * are run: replacing it (the documented edge configuration) and appending to
 * it (a proxy behind another balancer), with TRUST_PROXY=1.
 */
describe.each<ForwardedFor>(['overwrite', 'append'])('behind nginx (%s X-Forwarded-For)', (forwardedFor) => {
  let server: TestServer;
  let nginx: { url: string; process: ManagedProcess };
  let dir: string;
  const customers: TestCustomer[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { TRUST_PROXY: '1', AGENT_SIGN_IN_MAX_ATTEMPTS: '10' },
    });
    dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-proxy-'));
    nginx = await startNginx(dir, [{ instanceId: 'n1', port: Number(new URL(server.url).port) }], { forwardedFor });
  });
  afterAll(async () => {
    for (const customer of customers) customer.disconnect();
    await nginx.process.stop();
    await server.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('limits password guesses from one machine whatever X-Forwarded-For it writes, and never locks out another', async () => {
    const { email, password } = await createAgent(server);
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      statuses.push(await signInFrom(nginx.url, ATTACKER, { email, password: 'wrong password!' }, `10.9.0.${i}`));
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    // The right password from the attacker's machine stays refused; the agent's own machine signs in.
    expect(await signInFrom(nginx.url, ATTACKER, { email, password })).toBe(429);
    expect(await signInFrom(nginx.url, OFFICE, { email, password })).toBe(200);
  });

  it('never lets a forged X-Forwarded-For spend another address’s sign-in attempts', async () => {
    const { email, password } = await createAgent(server);
    for (let i = 0; i < 15; i += 1) {
      const status = await signInFrom(nginx.url, FORGER, { email, password: 'wrong password!' }, OFFICE);
      expect(status).toBe(i < 10 ? 401 : 429);
    }
    expect(await signInFrom(nginx.url, OFFICE, { email, password })).toBe(200);
  });

  it('limits starting chats per machine (30 a minute) whatever X-Forwarded-For it writes', async () => {
    const startFrom = async (localAddress: string, header: string) => {
      const customer = new TestCustomer(nginx.url, { localAddress, headers: { 'x-forwarded-for': header } });
      customers.push(customer);
      await customer.connect();
      return customer.request('conversation.start', { prechat: defaultPrechat });
    };
    const results = [];
    for (let i = 0; i < 45; i += 1) results.push(await startFrom(ATTACKER, `10.9.1.${i}`));
    expect(results.slice(0, 30).every((result) => result.ok)).toBe(true);
    expect(results.slice(30).every((result) => !result.ok && result.error.code === 'RATE_LIMITED')).toBe(true);
    // Another machine naming the attacker's address in the header is not held to the attacker's limit.
    expect((await startFrom(OFFICE, ATTACKER)).ok).toBe(true);
  });
});
