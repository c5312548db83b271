import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
