import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Quiet, offline and deterministic: no background downloads, no QUIC probing,
// no GPU (headless on CI has none), no sandbox (tests often run as root).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  /** A persistent context on a fresh profile; pages share its cookies and storage. */
  context: BrowserContext;
  /** The profile directory, removed by `close()`. */
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium on a fresh user-data-dir. One per test file; open
 * pages with `context.newPage()`. Always `close()` it in afterAll.
 */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface StaticSite {
  /** e.g. `http://127.0.0.1:41234`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A tiny HTTP server for pages a test invents (a customer's site, a foreign
 * frame): `pages` maps a path to its HTML, or to a function of the request.
 * Port 0 on loopback, so its origin differs from every other test server.
 */
export async function serveStaticSite(
  pages: Record<string, string | ((req: IncomingMessage) => string)>,
): Promise<StaticSite> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(typeof page === 'function' ? page(req) : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
