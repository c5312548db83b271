/**
 * Lighthouse on the first screens people open: the agent desk's sign-in
 * page (/agent/), the demo support page with the widget's loader (/demo)
 * and the widget's own app as its frame loads it once opened (/widget/), on the
 * built app served by `node server/dist/main.js` in production mode, as the
 * other scenarios start it.
 *
 *   pnpm build && pnpm --filter @switchboard/bench run lighthouse
 *   pnpm bench --no-build --only lighthouse        (as a row of the bench table)
 *
 * Lighthouse's default mobile preset (a mid-range phone, simulated slow 4G
 * and a 4× slower CPU), performance only, in Debian's Chromium (headless,
 * CHROMIUM_PATH overrides /usr/bin/chromium). Prints the performance score,
 * FCP, LCP and the bytes transferred (Chromium asks for brotli), with the
 * load average beside them: on a shared 2-core machine the score moves with
 * what else runs, the bytes do not.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServices } from '../scripts/services/index.js';
import type { Figure } from './figures.js';
import type { Row } from './lib/report.js';
import { startSwitchboard } from './lib/servers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The agent app's target for its first screen: at most this much with gzip, a score of at least 90. */
const TARGET = { score: 90, signInKb: 80 };

/** The demo page loads only the loader; the widget's app loads in its frame when the visitor opens it. */
const PAGES = ['/agent/', '/demo', '/widget/'];

export interface PageFigures {
  page: string;
  /** 0–100. */
  score: number;
  fcpMs: number;
  lcpMs: number;
  totalKb: number;
  /** Each request's path and transferred size, largest first (what to look at when a target is missed). */
  requests: { url: string; kb: number }[];
  loadAverage: string;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

interface NetworkItem {
  url: string;
  transferSize?: number;
}

/** One Lighthouse run on `url` in a Chromium of its own (the way Lighthouse's own CLI runs). */
export async function measurePage(url: string): Promise<PageFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const details = lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined;
    return {
      page: new URL(url).pathname,
      score: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      totalKb: audit('total-byte-weight') / 1024,
      requests: (details?.items ?? [])
        .map((item) => ({ url: new URL(item.url).pathname, kb: (item.transferSize ?? 0) / 1024 }))
        .sort((a, b) => b.kb - a.kb),
      loadAverage: loadAverage(),
    };
  } finally {
    chrome.kill();
  }
}

export function describePage(figures: PageFigures): string {
  const requests = figures.requests.map(({ url, kb }) => `    ${kb.toFixed(1).padStart(6)} KB  ${url}`).join('\n');
  return [
    `${figures.page}: performance ${figures.score}, FCP ${(figures.fcpMs / 1000).toFixed(2)} s, LCP ${(figures.lcpMs / 1000).toFixed(2)} s, ${figures.totalKb.toFixed(1)} KB transferred (load average ${figures.loadAverage})`,
    requests,
  ].join('\n');
}

/** The bench table's rows (bench/run.ts, opt-in: `--only lighthouse`). */
export async function lighthouseFigure(baseUrl: string): Promise<Figure> {
  const pages: PageFigures[] = [];
  for (const page of PAGES) pages.push(await measurePage(`${baseUrl}${page}`));
  const rows: Row[] = pages.map((figures) => ({
    figure: `Lighthouse mobile, ${figures.page}: performance score (FCP, LCP, KB transferred)`,
    switchboard: `${figures.score} (${(figures.fcpMs / 1000).toFixed(1)} s, ${(figures.lcpMs / 1000).toFixed(1)} s, ${figures.totalKb.toFixed(1)} KB; load ${figures.loadAverage})`,
    baseline: '—',
    ratio: '—',
    // The target is the agent app's; the widget's pages are measured beside it.
    target: figures.page === '/agent/' ? `≥ ${TARGET.score}` : '',
    verdict: figures.page !== '/agent/' ? 'report' : figures.score >= TARGET.score ? 'met' : 'missed',
  }));
  return { rows, raw: pages };
}

async function main(): Promise<void> {
  const services = await startServices({ env: {} });
  const server = await startSwitchboard('switchboard-lighthouse', {
    mongoUri: services.mongoUri,
    redisUrl: services.redisUrl,
  });
  try {
    for (const page of PAGES) {
      process.stdout.write(`${describePage(await measurePage(`${server.url}${page}`))}\n\n`);
    }
    process.stdout.write(`targets: /agent/ performance ≥ ${TARGET.score}, sign-in ≤ ${TARGET.signInKb} KB with gzip\n`);
  } finally {
    await server.stop();
    await services.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
