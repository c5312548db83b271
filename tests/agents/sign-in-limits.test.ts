import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createAgent, createSignedInAgent } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Password spraying (one password tried on many accounts from one address) and
 * a spread-out attack on one account (from many addresses). The test client
 * plays the trusted proxy (TRUST_PROXY=loopback) and names the client address
 * in X-Forwarded-For.
 */
describe('sign-in limits per address and per account', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: {
        TRUST_PROXY: 'loopback',
        AGENT_SIGN_IN_MAX_ATTEMPTS: '10',
        AGENT_SIGN_IN_ADDRESS_MAX_ATTEMPTS: '30',
        AGENT_SIGN_IN_ACCOUNT_MAX_ATTEMPTS: '5',
      },
    });
  });
  afterAll(() => server.stop());

  const signInFrom = (address: string, email: string, password: string) =>
    fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, 'x-forwarded-for': address },
      body: JSON.stringify({ email, password }),
    }).then((response) => response.status);

  it('stops one address trying a password on many accounts (40 emails: refused after 30)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      statuses.push(await signInFrom('203.0.113.10', `victim-${i}@example.com`, 'Summer2026!'));
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
    // Another address is not held to it.
    expect(await signInFrom('203.0.113.11', 'victim-0@example.com', 'Summer2026!')).toBe(401);
  });

  it('never refuses an office whose agents sign in successfully, however many they are', async () => {
    for (let i = 0; i < 35; i += 1) {
      const { email, password } = await createAgent(server);
      expect(await signInFrom('203.0.113.20', email, password)).toBe(200);
    }
  });

  it('limits an account attacked from many addresses, yet its known address still signs in, and a reset unlocks it', async () => {
    const { email, password, agent } = await createAgent(server);
    // The agent's office: signed in from there before.
    expect(await signInFrom('198.51.100.1', email, password)).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push(await signInFrom(`192.0.2.${i + 1}`, email, 'guess-guess-guess'));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Even the right password from an address the account has never used waits out the window…
    expect(await signInFrom('192.0.2.200', email, password)).toBe(429);
    // …but the attacker cannot lock the agent out: their known address still works.
    expect(await signInFrom('198.51.100.1', email, password)).toBe(200);
    // An admin's password reset lifts the account limit at once.
    const admin = await createSignedInAgent(server, { role: 'admin' });
    const reset = await agentFetch(server.url, admin, `/api/agents/${agent.id}/reset-password`, {
      method: 'POST',
      body: { password: 'a brand new password' },
    });
    expect(reset.status).toBe(204);
    expect(await signInFrom('192.0.2.201', email, 'a brand new password')).toBe(200);
  });
});
