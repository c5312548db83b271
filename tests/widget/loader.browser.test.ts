/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the browser: they need DOM types.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveStaticSite, type StaticSite, type TestBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { FOREIGN_FRAME, HOST_GLOBAL_VALUES, embedSnippet, hostilePage } from './hostile-host-page.js';

/** Screenshots to look at by hand (desktop and a 375 px phone). */
const SHOTS = process.env.WIDGET_SCREENSHOTS_DIR ?? path.join(tmpdir(), 'switchboard-widget-screenshots');

type Win = Window & {
  Switchboard: Record<string, (...args: unknown[]) => unknown>;
  seen: string[];
  /** The text of every `message` event the page heard. */
  texts: string[];
};

// Once more on failure: in CI under full load this file has failed with a click on the frame
// doing nothing (nothing started, no page error, passes alone and under busy loops); cause not
// found yet (widget-harness.ts prints page errors and crashes). A real fault fails both times.
describe('the loader on a hostile host page (Chromium)', { retry: 1 }, () => {
  let site: StaticSite;
  let server: TestServer;
  let browser: TestBrowser;
  let host: string;
  let page: Page;

  // The host page is served as localhost and the foreign frame as 127.0.0.1:
  // same port, three distinct origins with the Switchboard server's.
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    let serverUrl = '';
    let foreign = '';
    site = await serveStaticSite({
      '/': () => hostilePage({ snippet: embedSnippet(serverUrl), foreignFrameUrl: foreign }),
      '/control': () => hostilePage({ snippet: embedSnippet(serverUrl, true), foreignFrameUrl: foreign }),
      '/foreign': FOREIGN_FRAME,
    });
    foreign = `${site.url}/foreign`;
    host = site.url.replace('127.0.0.1', 'localhost');
    server = await startTestServer({ testFile: import.meta.filename, env: { WIDGET_ALLOWED_ORIGINS: host } });
    serverUrl = server.url;
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
    await site.stop();
  });

  const widgetFrame = (target: Page = page): Frame | undefined =>
    target.frames().find((frame) => frame.url().startsWith(`${server.url}/widget/`));
  const frameText = async (testId: string, target: Page = page) =>
    (await widgetFrame(target)?.locator(`[data-testid="${testId}"]`).textContent()) ?? null;
  const seen = () => page.evaluate(() => (window as unknown as Win).seen.slice());
  /**
   * The panel's own events. Since identify() above the frame has started the customer's chat,
   * whose welcome line (with the case number) reaches the page as a `message` event.
   */
  const panelEvents = async () => (await seen()).filter((name) => name !== 'message');
  /** Where the launcher is drawn: 56 px round, 20 px from the bottom-right corner. */
  const launcherCenter = (width: number, height: number) => ({ x: width - 20 - 28, y: height - 20 - 28 });

  async function loadHostPage(target: Page) {
    await target.goto(`${host}/`);
    await target.waitForFunction(
      () => (window as unknown as { Switchboard?: { loaded?: boolean } }).Switchboard?.loaded,
    );
    await target.evaluate(() => {
      const win = window as unknown as Win;
      win.seen = [];
      win.texts = [];
      for (const name of ['opened', 'closed', 'message']) win.Switchboard.on!(name, () => win.seen.push(name));
      win.Switchboard.on!('message', (data: { text: string }) => win.texts.push(data.text));
    });
  }

  it('draws a visible launcher on top of the page, without creating the frame', async () => {
    await loadHostPage(page);
    const { x, y } = launcherCenter(1280, 800);
    const hit = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.tagName, [x, y]);
    expect(hit).toBe('SWITCHBOARD-WIDGET');
    // Closed shadow root: the page cannot reach (or restyle) the launcher's insides.
    expect(await page.evaluate(() => document.querySelector('switchboard-widget')?.shadowRoot)).toBeNull();
    expect(widgetFrame()).toBeUndefined();
    await page.screenshot({ path: path.join(SHOTS, 'desktop-closed.png') });
  });

  it('adds no global but Switchboard, patches no prototype and leaves the host layout and globals alone', async () => {
    const snapshot = (target: Page) =>
      target.evaluate(() => {
        const protos = { Object, Array, Function, EventTarget, Node, Element, HTMLElement, Document, Window };
        return {
          globals: Object.getOwnPropertyNames(window).sort(),
          prototypes: Object.fromEntries(
            Object.entries(protos).map(([name, type]) => [name, Object.getOwnPropertyNames(type.prototype).length]),
          ),
          layout: [...document.querySelectorAll('body *')]
            .filter((element) => element.tagName !== 'SWITCHBOARD-WIDGET')
            .map((element) => `${element.tagName}#${element.id}:${JSON.stringify(element.getBoundingClientRect())}`),
          size: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
        };
      });
    const withWidget = await snapshot(page);
    const hostValues = await page.evaluate((names) => {
      const win = window as unknown as Record<string, unknown>;
      return Object.fromEntries(names.map((name) => [name, win[name]]));
    }, Object.keys(HOST_GLOBAL_VALUES));
    // The same page with the snippet inert, in the same context (viewport, fonts).
    const controlPage = await browser.context.newPage();
    await controlPage.goto(`${host}/control`);
    const control = await snapshot(controlPage);
    await controlPage.close();

    // `seen` is this test's own event log (set by loadHostPage).
    // `seen` and `texts` are this test's own recorders (loadHostPage).
    const added = withWidget.globals.filter(
      (name) => !control.globals.includes(name) && name !== 'seen' && name !== 'texts',
    );
    expect(added).toEqual(['Switchboard']);
    expect(withWidget.prototypes).toEqual(control.prototypes);
    expect(withWidget.layout).toEqual(control.layout);
    expect(withWidget.size).toEqual(control.size);
    expect(hostValues).toEqual(HOST_GLOBAL_VALUES);
  });

  it('opens on click: creates the sandboxed frame from the server origin and fires opened', async () => {
    const { x, y } = launcherCenter(1280, 800);
    await page.mouse.click(x, y);
    await expect.poll(() => frameText('open')).toBe('open');
    const frame = widgetFrame()!;
    expect(frame.url()).toBe(`${server.url}/widget/?origin=${encodeURIComponent(host)}&site=hostile-shop&locale=en`);
    const element = await frame.frameElement();
    expect(await element.getAttribute('sandbox')).toBe(
      'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox',
    );
    expect(await element.getAttribute('title')).toBe('Support chat');
    expect(await element.getAttribute('allow')).toBe('clipboard-write');
    expect(await element.isVisible()).toBe(true);
    expect(await frameText('site')).toBe('hostile-shop');
    await expect.poll(seen).toEqual(['opened']);
    await page.screenshot({ path: path.join(SHOTS, 'desktop-open.png') });
  });

  it('carries setLocale, identify and prefill to the frame', async () => {
    await page.evaluate(() => {
      const api = (window as unknown as Win).Switchboard;
      api.setLocale!('fr-CA');
      api.identify!({ userId: 'cust-42', name: 'Marie', userHash: 'a'.repeat(64), extra: () => 1 });
      api.prefill!({ topic: 'Nimbus Phone', ignored: 3 });
    });
    await expect.poll(() => frameText('locale')).toBe('fr');
    await expect.poll(() => frameText('identity')).toBe('cust-42');
    await expect.poll(() => frameText('prefill')).toBe('{"topic":"Nimbus Phone"}');
    expect(await (await widgetFrame()!.frameElement()).getAttribute('title')).toBe('Chat d’assistance');
  });

  it('ignores forged messages from the host window and from a foreign frame, both ways', async () => {
    const forged = (type: string, extra: Record<string, unknown> = {}) => ({
      source: 'switchboard',
      v: 1,
      type,
      ...extra,
    });
    await page.evaluate(
      ([close, message]) => {
        window.postMessage(close, '*');
        window.postMessage(message, '*');
      },
      [forged('requestClose'), forged('event', { name: 'message', data: { author: 'agent', text: 'phish' } })],
    );
    const foreign = page.frames().find((frame) => frame.url().endsWith('/foreign'))!;
    await foreign.evaluate(
      ([close, locale]) => {
        parent.postMessage(close, '*');
        // The widget frame is reachable as one of the parent's frames: try them all.
        for (const frame of Array.from({ length: parent.frames.length }, (_, index) => parent.frames[index])) {
          frame?.postMessage(locale, '*');
        }
      },
      [forged('requestClose'), forged('setLocale', { locale: 'ru' })],
    );
    await page.waitForTimeout(300);
    expect(await frameText('open')).toBe('open');
    expect(await frameText('locale')).toBe('fr');
    // The chat's own welcome line may come as a `message` event at any moment; the forged one never.
    expect(await panelEvents()).toEqual(['opened']);
    expect(await page.evaluate(() => (window as unknown as Win).texts.slice())).not.toContain('phish');
  });

  it('closes from the frame (its close button) and on Escape, returning focus to the launcher', async () => {
    // The app speaks French since the previous test's setLocale('fr-CA').
    await widgetFrame()!.getByRole('button', { name: 'Fermer le chat' }).click();
    await expect.poll(() => frameText('open')).toBe('closed');
    await expect.poll(panelEvents).toEqual(['opened', 'closed']);
    await expect.poll(async () => (await seen()).filter((name) => name === 'message')).toEqual(['message']);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SWITCHBOARD-WIDGET');
  });

  it('works with the keyboard only: Tab to the launcher, Enter opens, Escape closes', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let presses = 0; presses < 20; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.tagName)) === 'SWITCHBOARD-WIDGET') break;
    }
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SWITCHBOARD-WIDGET');
    await page.screenshot({
      path: path.join(SHOTS, 'desktop-launcher-focus.png'),
      clip: { x: 1080, y: 600, width: 200, height: 200 },
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => frameText('open')).toBe('open');
    // Focus moved into the frame: Escape there is relayed by the frame's bridge.
    await expect.poll(() => widgetFrame()!.evaluate(() => document.hasFocus())).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => frameText('open')).toBe('closed');
    // The frame reports closed before the host has moved focus back out of it.
    await expect.poll(() => widgetFrame()!.evaluate(() => document.hasFocus())).toBe(false);
    // Focus is back on the launcher: Enter opens again.
    await page.keyboard.press('Enter');
    await expect.poll(() => frameText('open')).toBe('open');
    await page.keyboard.press('Escape');
    await expect.poll(panelEvents).toEqual(['opened', 'closed', 'opened', 'closed', 'opened', 'closed']);
  });

  it('lets a handler unsubscribe, and keeps the queued call style working after load', async () => {
    await page.evaluate(() => {
      const win = window as unknown as Win;
      const off = win.Switchboard.on!('opened', () => win.seen.push('should-not-fire')) as () => void;
      off();
      (win.Switchboard as unknown as (method: string) => void)('open');
    });
    await expect.poll(() => frameText('open')).toBe('open');
    await page.evaluate(() => (window as unknown as Win).Switchboard.close!());
    await expect
      .poll(panelEvents)
      .toEqual(['opened', 'closed', 'opened', 'closed', 'opened', 'closed', 'opened', 'closed']);
  });

  it('goes full screen on a 375 px phone', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 375, height: 667 });
    await loadHostPage(phone);
    await phone.screenshot({ path: path.join(SHOTS, 'phone-closed.png') });
    const { x, y } = launcherCenter(375, 667);
    expect(await phone.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.tagName, [x, y])).toBe(
      'SWITCHBOARD-WIDGET',
    );
    await phone.mouse.click(x, y);
    await expect.poll(() => frameText('open', phone)).toBe('open');
    await phone.waitForTimeout(300); // the open transition
    expect(await (await widgetFrame(phone)!.frameElement()).boundingBox()).toEqual({
      x: 0,
      y: 0,
      width: 375,
      height: 667,
    });
    await phone.screenshot({ path: path.join(SHOTS, 'phone-open.png') });
    await phone.close();
  });

  it('the /demo support page embeds it with the snippet and opens it from its own button', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 375, height: 667 }],
    ] as const) {
      const demo = await browser.context.newPage();
      // The page runs under its Content-Security-Policy: nothing of it may be blocked.
      const blocked: string[] = [];
      demo.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
      });
      await demo.setViewportSize(viewport);
      await demo.goto(`${server.url}/demo`);
      await demo.waitForFunction(
        () => (window as unknown as { Switchboard?: { loaded?: boolean } }).Switchboard?.loaded,
      );
      await demo.screenshot({ path: path.join(SHOTS, `demo-${name}.png`) });
      await demo.getByRole('button', { name: 'Nimbus Phone' }).click();
      await expect.poll(() => frameText('open', demo)).toBe('open');
      // The button prefills the topic key of the demo department that serves the product.
      await expect.poll(() => frameText('prefill', demo)).toBe('{"topic":"phone"}');
      await demo.waitForTimeout(300); // the open transition
      await demo.screenshot({ path: path.join(SHOTS, `demo-${name}-open.png`) });
      expect(blocked).toEqual([]);
      await demo.close();
    }
  });
});
