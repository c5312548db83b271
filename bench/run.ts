/**
 * `pnpm bench [--quick] [--no-build] [--rounds N]`: builds, starts Redis and
 * FerretDB (scripts/services), Switchboard and the baselines as separate
 * processes, drives them from separate load-client processes alternating
 * A B A B A B, and prints a Markdown table (also written with every raw
 * round to bench/results/). See bench/README.md for what each figure means.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServices } from '../scripts/services/index.js';
// Types only: the figures import the built packages, so they are loaded after the build step (main()).
import type { Context, Figure, Sizes } from './figures.js';
import { capture, findServicePid, RESULTS_DIR, run } from './lib/procs.js';
import { markdownTable, type Row } from './lib/report.js';
import { startRelay, startSwitchboard } from './lib/servers.js';
import { fmt } from './lib/stats.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    /** Comma-separated subset while developing: throughput,db,rtt,memory,routing,burst,timers,nudges,webhooks,widget,database,uploads,wait-estimate; lighthouse only when named. */
    only: { type: 'string' },
    /** Routing size while developing, `<chats>x<agents>` (e.g. 200x20); default the mode's. */
    routing: { type: 'string' },
  },
});
const only = flags.only?.split(',');
/** Parts that run only when named in --only (Lighthouse scores a page, not the server under load). */
const OPT_IN = new Set(['lighthouse']);
const wanted = (part: string) => (only ? only.includes(part) : !OPT_IN.has(part));
const quick = flags.quick;
const rounds = Number(flags.rounds);
const runStarted = Date.now();
const say = (line: string) =>
  process.stderr.write(`[bench ${Math.round((Date.now() - runStarted) / 1000)} s] ${line}\n`);

const S: Sizes = quick
  ? {
      // A smoke run of every figure in under two minutes on a busy 2-core machine: the
      // full sizes scaled down (the table says which size each row measured).
      throughput: { chats: 10, inFlight: 10, clients: 1, warmupMs: 300, measureMs: 1_000 },
      rtt1: { chats: 1, inFlight: 1, clients: 1, warmupMs: 300, measureMs: 800 },
      rtt200: { chats: 20, inFlight: 1, clients: 1, warmupMs: 300, measureMs: 800 },
      idle: 200,
      routing: { chats: 10, agents: 2 },
      burst: { chats: 40, agents: 4 },
      nudges: { chats: 10, agents: 2, load: { chats: 5, inFlight: 2 } },
    }
  : {
      throughput: { chats: 50, inFlight: 10, clients: 2, warmupMs: 3_000, measureMs: 10_000 },
      rtt1: { chats: 1, inFlight: 1, clients: 1, warmupMs: 2_000, measureMs: 8_000 },
      rtt200: { chats: 200, inFlight: 1, clients: 2, warmupMs: 3_000, measureMs: 10_000 },
      idle: 5_000,
      routing: { chats: 1_000, agents: 100 },
      burst: { chats: 200, agents: 20 },
      nudges: { chats: 100, agents: 10, load: { chats: 20, inFlight: 5 } },
    };

if (flags.routing) {
  const [chats, agents] = flags.routing.split('x').map(Number);
  if (!Number.isInteger(chats) || !Number.isInteger(agents) || !chats || !agents) {
    throw new Error(`--routing wants <chats>x<agents>, like 200x20, not "${flags.routing}"`);
  }
  S.routing = { chats, agents };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  if (!flags['no-build']) {
    say('building server, shared and web widget');
    await run('pnpm', ['--filter', '@switchboard/server...', 'run', 'build']);
  }
  const {
    bareDatabaseFigure,
    burstFigure,
    dbFigure,
    memoryFigure,
    roundTripFigure,
    routingFigure,
    throughputFigure,
    timersFigure,
    widgetFigure,
  } = await import('./figures.js');
  const { nudgesFigure } = await import('./scenarios/nudges.js');
  const { uploadsFigure } = await import('./scenarios/uploads.js');
  const { webhooksFigure } = await import('./scenarios/webhooks.js');
  const { waitEstimateFigure } = await import('./scenarios/wait-estimate.js');
  const services = await startServices({ env: {} });
  const rows: Row[] = [];
  const raw: Record<string, unknown> = { quick, rounds, sizes: S };
  const sbOptions = { mongoUri: services.mongoUri, redisUrl: services.redisUrl };
  let generation = 0;
  const relay = await startRelay('relay');
  const ctx: Context = {
    sb: await startSwitchboard(`switchboard-${generation}`, sbOptions),
    async fresh(options = {}) {
      await ctx.sb.stop();
      generation += 1;
      ctx.sb = await startSwitchboard(`switchboard-${generation}`, { ...sbOptions, ...options });
    },
    relay,
    sizes: S,
    rounds,
    quick,
    say,
    services: {
      mongoUri: services.mongoUri,
      redisUrl: services.redisUrl,
      dbPid: services.mongo ? findServicePid(services.mongo.pid, /ferretdb|mongod/) : null,
      redisPid: services.redis ? findServicePid(services.redis.pid, /redis-server/) : null,
    },
  };
  // The database binary lives in a cache dir (scripts/services), not on PATH: ask the running one.
  const dbPid = ctx.services.dbPid;
  const dbBinary = dbPid ? (readFileSync(`/proc/${dbPid}/cmdline`, 'utf8').split('\0')[0] ?? '') : '';
  // Table order is the figures' numbers; figure 2 runs last on its own, profiled server.
  const parts: [string, () => Promise<Figure>][] = [
    ['throughput', () => throughputFigure(ctx)],
    [
      'db',
      async () => {
        await ctx.sb.stop();
        return dbFigure(ctx, String(startedAt));
      },
    ],
    ['rtt', () => roundTripFigure(ctx)],
    ['memory', () => memoryFigure(ctx)],
    ['routing', () => routingFigure(ctx)],
    ['burst', () => burstFigure(ctx)],
    ['timers', () => timersFigure(ctx, quick)],
    ['nudges', () => nudgesFigure(ctx)],
    ['webhooks', () => webhooksFigure(ctx)],
    ['widget', () => widgetFigure(ctx)],
    ['uploads', () => uploadsFigure(ctx)],
    ['wait-estimate', () => waitEstimateFigure(ctx)],
    ['database', () => bareDatabaseFigure(ctx)],
    // Imported when asked for: Lighthouse is a large package the other parts never need.
    ['lighthouse', async () => (await import('./lighthouse.js')).lighthouseFigure(ctx.sb.url)],
  ];
  try {
    const results = new Map<string, Figure>();
    for (const [name, measure] of [
      ...parts.filter(([name]) => name !== 'db'),
      ...parts.filter(([name]) => name === 'db'),
    ]) {
      if (!wanted(name)) continue;
      try {
        results.set(name, await measure());
        // Partial rows survive a run that is stopped later (a full run takes long on FerretDB).
        mkdirSync(RESULTS_DIR, { recursive: true });
        writeFileSync(path.join(RESULTS_DIR, 'partial.json'), JSON.stringify(Object.fromEntries(results), null, 2));
      } catch (error) {
        // One broken figure must not cost the others: its row says what failed.
        const message = error instanceof Error ? error.message : String(error);
        say(`${name} failed: ${message}`);
        results.set(name, {
          rows: [
            {
              figure: name,
              switchboard: `FAILED: ${message.split('\n')[0] ?? ''}`,
              baseline: '—',
              ratio: '—',
              target: '',
              verdict: 'failed',
            },
          ],
          raw: { error: message },
        });
      }
    }
    for (const [name] of parts) {
      const figure = results.get(name);
      if (!figure) continue;
      rows.push(...figure.rows);
      raw[name] = figure.raw;
    }
  } finally {
    await ctx.sb.stop();
    await relay.stop();
    await services.stop();
  }

  const versions = {
    node: process.version,
    database: dbBinary
      ? `${path.basename(dbBinary)} ${(await capture(dbBinary, ['--version']).catch(() => '')).split('\n')[0] ?? ''}`
      : 'external MONGODB_URI',
    redis: /v=(\S+)/.exec(await capture('redis-server', ['--version']).catch(() => ''))?.[1] ?? '?',
  };
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${fmt(os.totalmem() / 2 ** 30)} GiB RAM`;
  const header = `${new Date().toISOString()} · ${quick ? 'quick' : 'full'} · ${rounds} rounds A/B · ${machine} · Node ${versions.node} · ${versions.database} · Redis ${versions.redis}`;
  const table = `${header}\n\n${markdownTable(rows)}\n`;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(
    path.join(RESULTS_DIR, `bench-${stamp}.json`),
    JSON.stringify({ header, versions, rows, raw }, null, 2),
  );
  writeFileSync(path.join(RESULTS_DIR, 'latest.md'), table);
  process.stdout.write(`\n${table}`);
  say(`done in ${fmt((Date.now() - startedAt) / 1000)} s; raw rounds in bench/results/bench-${stamp}.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
