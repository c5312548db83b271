import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { assertAgentAppBuilt, launchChromium } from './browser.js';

/** The target for the sign-in page: what it moves over the network with gzip, at most. */
const SIGN_IN_BUDGET = 80 * 1024;
/** Vite warns about a chunk larger than this (minified, before compression). */
const CHUNK_WARNING = 500 * 1024;

const ASSETS = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@switchboard/server')),
  ...['..', '..', 'agent-app', 'dist', 'assets'],
);

interface Load {
  /** Bytes received, headers included, as DevTools' "transferred". */
  transferred: number;
  /** Paths requested, and the Content-Encoding each came with. */
  responses: { path: string; encoding: string }[];
}

/** Records what the page downloads from now on, accepting only `encodings` (none: uncompressed). */
async function recordLoad(page: Page, encodings: ('gzip' | 'br')[]): Promise<() => Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // As a browser that accepts only these would ask (the answers' encodings below show it was heard).
  await cdp.send('Network.setExtraHTTPHeaders', {
    headers: { 'Accept-Encoding': encodings.length > 0 ? encodings.join(', ') : 'identity' },
  });
  const sizes = new Map<string, number>();
  const responses: Load['responses'] = [];
  cdp.on('Network.responseReceived', ({ response }) => {
    const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    responses.push({ path: new URL(response.url).pathname, encoding: headers['content-encoding'] ?? 'identity' });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => sizes.set(requestId, encodedDataLength));
  return () => ({ transferred: [...sizes.values()].reduce((sum, size) => sum + size, 0), responses });
}

const chunk = (name: string) => (load: Load) => load.responses.some(({ path }) => path.includes(`/${name}-`));

describe('what the agent app downloads', () => {
  let server: TestServer;
  let browser: Browser;
  let agent: TestAgent;
  let supervisor: TestAgent;
  const figures: string[] = [];

  beforeAll(async () => {
    assertAgentAppBuilt();
    server = await startTestServer({ testFile: import.meta.filename });
    browser = await launchChromium();
    agent = await createAgent(server, { role: 'agent', displayName: 'Ada' });
    supervisor = await createAgent(server, { role: 'supervisor', displayName: 'Sue' });
  });
  afterAll(async () => {
    // The measured figures, for the record (bench/README.md quotes them).
    if (figures.length) process.stdout.write(`agent app first load: ${figures.join('; ')}\n`);
    await browser.close();
    await server.stop();
  });

  async function signInPage(encodings: ('gzip' | 'br')[]): Promise<Load> {
    const page = await browser.newPage();
    const done = await recordLoad(page, encodings);
    await page.goto(`${server.url}/agent/`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Sign in to the agent desk' }).waitFor();
    const load = done();
    await page.close();
    return load;
  }

  it('the sign-in page moves at most 80 KB with gzip, its scripts and styles precompressed', async () => {
    const gzip = await signInPage(['gzip']);
    const brotli = await signInPage(['br', 'gzip']);
    const plain = await signInPage([]);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    figures.push(
      `sign-in ${kb(gzip.transferred)} gzip, ${kb(brotli.transferred)} brotli, ${kb(plain.transferred)} uncompressed`,
    );
    expect(gzip.transferred).toBeLessThanOrEqual(SIGN_IN_BUDGET);
    expect(brotli.transferred).toBeLessThan(gzip.transferred);
    const assets = (load: Load) => load.responses.filter(({ path }) => path.startsWith('/agent/assets/'));
    expect(assets(gzip).length).toBeGreaterThan(0);
    expect(assets(gzip).map(({ encoding }) => encoding)).toEqual(assets(gzip).map(() => 'gzip'));
    expect(assets(brotli).map(({ encoding }) => encoding)).toEqual(assets(brotli).map(() => 'br'));
    expect(assets(plain).map(({ encoding }) => encoding)).toEqual(assets(plain).map(() => 'identity'));
    // Nothing of the desk or the console before sign-in.
    expect(chunk('Desk')(gzip) || chunk('SupervisorConsole')(gzip)).toBe(false);
  });

  it('an agent’s first screen loads the desk, never the supervisor console', async () => {
    const page = await browser.newPage();
    const done = await recordLoad(page, ['gzip']);
    await page.goto(`${server.url}/agent/`);
    await page.getByLabel('Work email').fill(agent.email);
    await page.getByLabel('Password').fill(agent.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /My chats/ }).waitFor();
    await page.waitForLoadState('networkidle');
    const load = done();
    figures.push(`agent's desk ${(load.transferred / 1024).toFixed(1)} KB gzip (sign-in included)`);
    expect(chunk('Desk')(load)).toBe(true);
    expect(chunk('SupervisorConsole')(load) || chunk('AdminSection')(load)).toBe(false);
    await page.close();
  });

  it('a supervisor opens the console at /agent/console; administration loads when opened', async () => {
    const page = await browser.newPage();
    const done = await recordLoad(page, ['gzip']);
    await page.goto(`${server.url}/agent/console`);
    await page.getByLabel('Work email').fill(supervisor.email);
    await page.getByLabel('Password').fill(supervisor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Supervisor console' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(chunk('SupervisorConsole')(done())).toBe(true);
    expect(chunk('AdminSection')(done())).toBe(false);
    await page.getByRole('button', { name: 'Admin', exact: true }).click();
    await expect.poll(() => chunk('AdminSection')(done())).toBe(true);
    // Back to the desk: the address follows, so a reload stays there.
    await page.getByRole('button', { name: 'Back to my desk' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/agent/');
    await page.close();
  });

  it('has no chunk over 500 kB (Vite’s warning)', () => {
    const scripts = readdirSync(ASSETS).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(1);
    const large = scripts.filter((name) => statSync(path.join(ASSETS, name)).size > CHUNK_WARNING);
    expect(large).toEqual([]);
  });
});
