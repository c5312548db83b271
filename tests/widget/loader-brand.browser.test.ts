/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser: they need DOM types.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_WIDGET_SETTINGS } from '@switchboard/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, signInRoles, type SignedIn } from '../support/agent-client.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const DIST_LOADER = path.resolve(import.meta.dirname, '../../web-widget/dist/loader.js');
const SNIPPET_COLOR = '#0071e3'; // the /demo page's data-color
const BRAND = '#7a1f5c';

const rgb = (hex: string) => [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16));

/**
 * The launcher is drawn in a closed shadow root, so its colour is read the
 * way a customer sees it: one pixel of a screenshot, inside the bubble and
 * beside its icon.
 */
async function launcherPixel(page: Page): Promise<number[]> {
  const { width, height } = page.viewportSize()!;
  const png = await page.screenshot({ clip: { x: width - 20 - 28 - 18, y: height - 20 - 28, width: 1, height: 1 } });
  const decoder = await page.context().newPage();
  try {
    return await decoder.evaluate(
      async (dataUrl) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 1;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
  } finally {
    await decoder.close();
  }
}

const closeTo = (actual: number[], expected: number[]) =>
  actual.length === 3 && actual.every((value, index) => Math.abs(value - expected[index]!) <= 3);

describe('the launcher follows the brand colour the admins saved (Chromium)', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let admin: SignedIn;

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    ({ admin } = await signInRoles(server));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  /** The /demo page in a fresh page, the loader fetched anew (no HTTP cache between the steps). */
  const openDemo = async () => {
    const page = await browser.context.newPage();
    await page.route('**/widget/loader.js', (route) => route.continue({ headers: { 'cache-control': 'no-cache' } }));
    await page.goto(`${server.url}/demo`);
    await page.waitForFunction(() => (window as unknown as { Switchboard?: { loaded?: boolean } }).Switchboard?.loaded);
    return page;
  };

  it('writes the saved colour over the placeholder the built loader carries', async () => {
    expect(await readFile(DIST_LOADER, 'utf8')).toContain('__SB_BRAND__');
    expect(await (await fetch(`${server.url}/widget/loader.js`)).text()).not.toContain('__SB_BRAND__');
  });

  it('keeps the snippet colour until a brand colour is saved, then draws the launcher and panel in it', async () => {
    const before = await openDemo();
    expect(closeTo(await launcherPixel(before), rgb(SNIPPET_COLOR))).toBe(true);
    await before.close();

    const saved = await agentFetch(server.url, admin, '/api/widget-settings', {
      method: 'PUT',
      body: { ...DEFAULT_WIDGET_SETTINGS, colors: { brand: BRAND } },
    });
    expect(saved.status).toBe(200);
    expect(await (await fetch(`${server.url}/widget/loader.js`)).text()).toContain(BRAND);

    const page = await openDemo();
    const pixel = await launcherPixel(page);
    expect(closeTo(pixel, rgb(BRAND)), `launcher pixel ${pixel.join(',')}`).toBe(true);
    // The panel uses the same colour.
    // The frame lives in the launcher's closed shadow root: found among the page's frames, not by a selector.
    const navigated = page.waitForEvent('framenavigated', (frame) => frame.url().startsWith(`${server.url}/widget/`));
    await page.evaluate(() => (window as unknown as { Switchboard: { open(): void } }).Switchboard.open());
    const frame = await navigated;
    const color = await frame.locator('.sb-header').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(color).toBe(`rgb(${rgb(BRAND).join(', ')})`);
    await page.close();
  });
});
