import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../web-widget/dist');
const BUDGET = 45 * 1024;

/** The scripts the browser fetches before the pre-chat form shows: index.html's module entry and modulepreloads. */
async function firstRenderScripts(): Promise<string[]> {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  return [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => path.join(DIST, match[1]!.replace(/^\/widget\//, '')));
}

describe('widget app size budget', () => {
  it('the JS needed to show the pre-chat form is at most 45 KB gzip', async () => {
    const files = await firstRenderScripts();
    expect(files.length).toBeGreaterThan(0);
    let total = 0;
    for (const file of files) total += gzipSync(await readFile(file), { level: 9 }).length;
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('keeps zod out of the first chunk', async () => {
    for (const file of await firstRenderScripts())
      expect(await readFile(file, 'utf8')).not.toMatch(/ZodError|\$ZodType/);
  });
});
