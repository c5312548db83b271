import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; playwright-core never downloads a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** Fails early and clearly when `pnpm build` has not produced the agent app the server serves. */
export function assertAgentAppBuilt(): void {
  const require = createRequire(import.meta.url);
  const server = path.dirname(require.resolve('@switchboard/server'));
  const dist = path.join(server, '..', '..', 'agent-app', 'dist', 'index.html');
  if (!existsSync(dist)) throw new Error(`agent app not built (${dist}): run \`pnpm build\` first`);
}

/** Where screenshots go: SCREENSHOT_DIR, or .data/screenshots in the checkout (git-ignored). */
export function screenshotDir(): string {
  return process.env.SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '..', '..', '.data', 'screenshots');
}

/** Signs in on the agent app's page and waits until the desk shows the agent's chats. */
export async function signInToDesk(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/agent/`);
  await page.getByLabel('Work email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /My chats/ }).waitFor();
}

/** The button that brings an open chat forward, in the desk's strip of open chats (its close button beside it). */
export function chatTab(page: Page, name: string | RegExp): Locator {
  return page
    .getByRole('list', { name: 'Open chats' })
    .getByRole('listitem')
    .filter({ hasText: name })
    .getByRole('button')
    .first();
}
