/// <reference lib="dom" />
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import type { BrowserContextOptions, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, serveStaticSite, type StaticSite, type TestBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { FOREIGN_FRAME, embedSnippet, hostilePage } from '../widget/hostile-host-page.js';

/** Screenshots to look at by hand (desktop and a 375 px phone). */
export const SHOTS = process.env.WIDGET_SCREENSHOTS_DIR ?? path.join(tmpdir(), 'switchboard-widget-screenshots');

/** A round photo for the test advisor; data: URLs pass the frame's CSP (img-src https: data:). */
const AVATAR = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#2f6f4e"/><circle cx="32" cy="25" r="12" fill="#f1d3b3"/><path d="M10 64c2-14 12-21 22-21s20 7 22 21z" fill="#f1d3b3"/></svg>',
)}`;

/**
 * Gives the test advisor their photo. The API takes http(s) photo addresses
 * only, and these tests have no https host to serve one from, so the data:
 * URL is written to the agent's record directly (what routing reads when it
 * assigns the chat). Call it before the agent takes any chat.
 */
export async function givePhoto(server: TestServer, agentId: string): Promise<void> {
  await server.app.mongo
    .collection('agents')
    .updateOne({ _id: new Types.ObjectId(agentId) }, { $set: { avatarUrl: AVATAR } });
}

export interface Harness {
  site: StaticSite;
  server: TestServer;
  browser: TestBrowser;
  host: string;
  close(): Promise<void>;
}

/**
 * The real server, a hostile customer site (served as localhost, so it is a
 * different origin from the server on 127.0.0.1) and Chromium.
 */
export async function startHarness(
  testFile: string,
  viewport = { width: 1280, height: 800 },
  /** More server settings (limits, …). */
  env: Record<string, string> = {},
  /** More browser settings (the visitor's time zone, …). */
  browserOptions: Omit<BrowserContextOptions, 'viewport'> = {},
): Promise<Harness> {
  await mkdir(SHOTS, { recursive: true });
  let serverUrl = '';
  let foreign = '';
  const site = await serveStaticSite({
    '/': () => hostilePage({ snippet: embedSnippet(serverUrl), foreignFrameUrl: foreign }),
    '/foreign': FOREIGN_FRAME,
  });
  foreign = `${site.url}/foreign`;
  const host = site.url.replace('127.0.0.1', 'localhost');
  const outbox = await mkdtemp(path.join(tmpdir(), 'switchboard-widget-mail-'));
  const server = await startTestServer({
    testFile,
    env: { WIDGET_ALLOWED_ORIGINS: host, MAIL_OUTBOX_DIR: outbox, ...env },
  });
  serverUrl = server.url;
  const browser = await launchBrowser({ viewport, ...browserOptions });
  return {
    site,
    server,
    browser,
    host,
    async close() {
      await browser.close();
      await server.stop();
      await site.stop();
    },
  };
}

/** The widget's frame on a host page, once the loader created it. */
export function widgetFrame(page: Page, server: TestServer): Frame | undefined {
  return page.frames().find((frame) => frame.url().startsWith(`${server.url}/widget/`));
}

const watchedPages = new WeakSet<Page>();

/**
 * Prints what the browser did wrong while a test ran: a page error or a
 * crashed renderer leaves a later assertion failing far from its cause (the
 * widget-app flow once failed in CI with every click on the frame doing
 * nothing, and nothing said why). Rare events, so always on; WIDGET_DEBUG
 * adds every console line and failed response.
 */
function watchBrowser(page: Page): void {
  if (watchedPages.has(page)) return;
  watchedPages.add(page);
  /* eslint-disable no-console -- diagnostics for a failing browser test */
  page.on('pageerror', (error) => console.error('[browser error]', error.message));
  page.on('crash', () => console.error('[browser] the page crashed'));
  if (process.env.WIDGET_DEBUG) {
    page.on('console', (message) => console.error(`[browser ${message.type()}]`, message.text()));
    page.on('response', (response) => {
      if (response.status() >= 400) console.error('[browser http]', response.status(), response.url());
    });
  }
  /* eslint-enable no-console */
}

/** Loads the host page and opens the widget with `Switchboard.open()`; resolves with its frame. */
export async function openWidget(page: Page, harness: Harness, before?: string): Promise<Frame> {
  watchBrowser(page);
  await page.goto(`${harness.host}/`);
  await page.waitForFunction(() => (window as unknown as { Switchboard?: { loaded?: boolean } }).Switchboard?.loaded);
  if (before) await page.evaluate(before);
  await page.evaluate(() => (window as unknown as { Switchboard: { open(): void } }).Switchboard.open());
  await expect.poll(() => widgetFrame(page, harness.server) !== undefined).toBe(true);
  return widgetFrame(page, harness.server)!;
}

/** The panel's width on a desktop viewport; under 480 px it takes the whole width. */
const panelWidth = (viewportWidth: number) => (viewportWidth < 480 ? viewportWidth : 380);

/**
 * Resizes the page and waits until the widget's frame has followed (the host
 * page resizes the frame after a message round trip). A click before that
 * lands where a control was, not where it is.
 */
export async function resizeViewport(page: Page, frame: Frame, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect.poll(() => frame.evaluate(() => window.innerWidth)).toBe(panelWidth(size.width));
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/**
 * Like {@link openWidget}, as a visitor the server has never seen. The
 * browser profile is shared by the file's pages, and the frame keeps its
 * visitor token in a partitioned cookie (third-party storage is blocked), so
 * the cookies go first.
 */
export async function openAsNewVisitor(page: Page, harness: Harness, before?: string): Promise<Frame> {
  await harness.browser.context.clearCookies();
  return openWidget(page, harness, before);
}
