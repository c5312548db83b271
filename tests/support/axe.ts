/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

/*
 * axe-core, run inside the page as an outside tester's browser extension
 * would: WCAG 2.0 and 2.1, levels A and AA. Browser tests call
 * `expectAccessible` on screens they already reach, so what was fixed stays
 * fixed without opening pages of its own.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};

type AxeWindow = Window & { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } };

/** Each violation as one readable line: the rule, what it wants, and the elements that break it. */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  // Through DevTools' evaluate rather than a <script> tag: the widget frame's CSP allows no inline script.
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
  const results = await target.evaluate((options) => (window as AxeWindow).axe!.run(document, options), OPTIONS);
  return results.violations.map(
    ({ id, help, nodes }) =>
      `${id} (${help}): ${nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('; ')}`,
  );
}

/** Fails the test with every WCAG A/AA violation axe finds on what `target` shows now. */
export async function expectAccessible(target: Page | Frame, screen: string): Promise<void> {
  expect(await axeViolations(target), `axe on ${screen}`).toEqual([]);
}
