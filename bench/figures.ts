/**
 * One function per figure of bench/README.md's table: each runs its A/B rounds
 * and returns table rows plus its raw rounds for the JSON file.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cpuSeconds, RESULTS_DIR } from './lib/procs.js';
import { measuredRow, type Row } from './lib/report.js';
import { captureScript } from './lib/procs.js';
import { startSwitchboard, type Server, type SwitchboardOptions } from './lib/servers.js';
import { fmt } from './lib/stats.js';
import type { DbReply, ProbeReply } from './lib/probe-protocol.js';
import { chatRound, dbShare, prepareChats, releaseChats, type ChatRound, type ChatShape } from './scenarios/chat.js';
import {
  closeRoutingChats,
  idleClients,
  idleMemoryRound,
  prepareRouting,
  routingRound,
  summarizeProfile,
  timerBytes,
} from './scenarios/other.js';
import type { NudgeSizes } from './scenarios/nudges.js';
import { measureBareDatabase } from './baselines/bare-database.js';
import { measureWidgetSizes } from './widget-size.js';

export interface Sizes {
  throughput: ChatShape;
  rtt1: ChatShape;
  rtt200: ChatShape;
  idle: number;
  routing: { chats: number; agents: number };
  /** Chat starts all sent at once (figure 5's burst). */
  burst: { chats: number; agents: number };
  nudges: NudgeSizes;
}

export interface Context {
  /** The current Switchboard process; `fresh()` replaces it (new database and Redis prefix). */
  sb: Server;
  /** `monitorDb`: the new process counts its database commands (bench/lib/probe.ts; costs a little per command). */
  fresh(options?: Pick<SwitchboardOptions, 'monitorDb' | 'extraEnv'>): Promise<void>;
  relay: Server;
  sizes: Sizes;
  rounds: number;
  /** --quick: smaller sizes; figure 2 profiles the unloaded path only. */
  quick: boolean;
  services: { mongoUri: string; redisUrl: string; dbPid: number | null; redisPid: number | null };
  say(line: string): void;
}

export interface Figure {
  rows: Row[];
  raw: unknown;
}

/**
 * Waits until a server has worked off what it still holds (CPU under 5 % of
 * a core for half a second; /proc counts in 10-ms ticks), at most `capMs`.
 * Why: Switchboard keeps processing sends whose clients already timed out
 * (nothing sheds them), and that backlog must not be billed to the next
 * round. Returns the seconds waited.
 */
export async function quiesce(pids: (number | null)[], capMs = 60_000): Promise<number> {
  const started = performance.now();
  // The database too: a server waiting on a backlog of slow commands is idle, not done.
  const watched = pids.filter((pid): pid is number => pid !== null);
  const total = () => watched.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  for (;;) {
    const before = total();
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (total() - before < 0.025 || performance.now() - started > capMs) break;
  }
  return (performance.now() - started) / 1000;
}

/** A B A B …: Switchboard then the relay, `rounds` times, on chats prepared once per side (fresh server). */
async function alternateChat(ctx: Context, shape: ChatShape) {
  await ctx.fresh();
  ctx.say(`chat ${shape.chats}×${shape.inFlight}: preparing`);
  const a = await prepareChats(ctx.sb, 'switchboard', shape);
  const b = await prepareChats(ctx.relay, 'relay', shape);
  const results: { a: ChatRound[]; b: ChatRound[] } = { a: [], b: [] };
  try {
    for (let round = 0; round < ctx.rounds; round += 1) {
      const waited = await quiesce([ctx.sb.pid, ctx.services.dbPid]);
      if (waited > 2) ctx.say(`  waited ${fmt(waited)} s for Switchboard to work off the previous round`);
      const x = await chatRound(a, shape, ctx.services);
      const y = await chatRound(b, shape, { dbPid: null, redisPid: null });
      results.a.push(x);
      results.b.push(y);
      ctx.say(
        `  round ${round + 1}: ${fmt(x.perSecond)} vs ${fmt(y.perSecond)} msg/s, p99 ${fmt(x.p99)} vs ${fmt(y.p99)} ms, errors ${x.errors} vs ${y.errors}`,
      );
    }
  } finally {
    await releaseChats(a);
    await releaseChats(b);
  }
  return results;
}

/** Figures 1 and 8: throughput and CPU per 10k messages, from the same rounds. */
export async function throughputFigure(ctx: Context): Promise<Figure> {
  const shape = ctx.sizes.throughput;
  const tp = await alternateChat(ctx, shape);
  const cpu = (figure: string, pick: (r: ChatRound) => number, base: boolean) =>
    measuredRow({
      figure,
      a: tp.a.map(pick),
      b: base ? tp.b.map((r) => r.cpuPer10k) : null,
      unit: ' s',
      target: base ? '≤ 10×' : 'evidence',
      ...(base ? { pass: (ratio: number) => ratio <= 10 } : {}),
    });
  const rows = [
    measuredRow({
      figure: `1. messages/s customer → agent, ${shape.chats} chats × ${shape.inFlight} in flight (stored, acked, delivered)`,
      a: tp.a.map((r) => r.perSecond),
      b: tp.b.map((r) => r.perSecond),
      unit: '',
      target: '≥ 0.15× (stretch 0.25×)',
      pass: (ratio) => ratio >= 0.15,
    }),
    cpu('8. server CPU-seconds per 10k messages (same rounds as 1)', (r) => r.cpuPer10k, true),
    cpu('8. FerretDB CPU-seconds per 10k messages (evidence)', (r) => r.dbCpuPer10k, false),
    cpu('8. Redis CPU-seconds per 10k messages (evidence)', (r) => r.redisCpuPer10k, false),
    measuredRow({
      figure:
        '8. Redis commands sent per message (same rounds as 1; every command the server sent, background work included)',
      a: tp.a.map((r) => r.redisCommandsPerMessage),
      b: null,
      unit: '',
      target: '≤ 4',
      pass: (_ratio, median) => median <= 4,
    }),
    {
      figure: '8. evidence: Redis commands sent per message by name, top 5 (same rounds)',
      switchboard: tp.a.map((r) => r.redisCommandsTop).join('; '),
      baseline: '—',
      ratio: '—',
      target: 'evidence',
      verdict: 'report',
    },
    {
      figure: "8. evidence: commands Redis executed per message, scripts' own included (INFO commandstats), top 5",
      switchboard: tp.a.map((r) => `${fmt(r.redisExecutedPerMessage)} (${r.redisExecutedTop})`).join('; '),
      baseline: '—',
      ratio: '—',
      target: 'evidence',
      verdict: 'report',
    },
  ];
  return { rows, raw: tp };
}

/** Figure 3: send → acked and at the agent, at 1×1 and N×1. */
export async function roundTripFigure(ctx: Context): Promise<Figure> {
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  for (const shape of [ctx.sizes.rtt1, ctx.sizes.rtt200]) {
    const rtt = await alternateChat(ctx, shape);
    raw[`${shape.chats}x1`] = rtt;
    for (const q of ['p50', 'p99'] as const) {
      rows.push(
        measuredRow({
          figure: `3. send → acked and at the agent, ${q}, ${shape.chats} × 1`,
          a: rtt.a.map((r) => r[q]),
          b: rtt.b.map((r) => r[q]),
          unit: ' ms',
          target: q === 'p99' ? 'p99 ≤ 12×' : 'report',
          ...(q === 'p99' ? { pass: (ratio: number) => ratio <= 12 } : {}),
        }),
      );
    }
  }
  return { rows, raw };
}

/** Figure 4: memory per idle connected customer. */
export async function memoryFigure(ctx: Context): Promise<Figure> {
  const count = ctx.sizes.idle;
  const settleMs = ctx.quick ? 800 : 2_000;
  await ctx.fresh();
  ctx.say(`idle connections: ${count}`);
  type Memory = Awaited<ReturnType<typeof idleMemoryRound>>;
  const memory = { a: [] as Memory[], b: [] as Memory[] };
  const [clientA, clientB] = await idleClients();
  try {
    for (let round = 0; round < ctx.rounds; round += 1) {
      memory.a.push(await idleMemoryRound(ctx.sb, 'switchboard', count, clientA, settleMs));
      memory.b.push(await idleMemoryRound(ctx.relay, 'relay', count, clientB, settleMs));
    }
  } finally {
    await Promise.all([clientA.exit(), clientB.exit()]);
  }
  const rows = (['rssPerConnection', 'heapPerConnection'] as const).map((key) =>
    measuredRow({
      figure: `4. server ${key === 'rssPerConnection' ? 'RSS' : 'heap'} per idle customer, ${count} connections`,
      a: memory.a.map((m) => m[key] / 1024),
      b: memory.b.map((m) => m[key] / 1024),
      unit: ' KB',
      target: '≤ 1.5×',
      pass: (ratio) => ratio <= 1.5,
    }),
  );
  return { rows, raw: memory };
}

/** "12.3 (find conversations 3.1, update agents 1.0, …)": a round's commands per chat, biggest first. */
function commandsPerChat(db: DbReply, chats: number): string {
  const top = Object.entries(db.byTarget)
    .sort(([, a], [, b]) => b.count - a.count)
    .slice(0, 5)
    .map(([target, { count }]) => `${target} ${fmt(count / chats)}`);
  return `${fmt(db.commands / chats)} (${top.join(', ')})`;
}

/** Figures 5 and 6 (bytes): routing rounds; the pending idle timers are read after the first. */
export async function routingFigure(ctx: Context): Promise<Figure> {
  const { chats, agents } = ctx.sizes.routing;
  // Monitored: where an assignment's database commands go is this figure's explanation.
  await ctx.fresh({ monitorDb: true });
  ctx.say(`routing: ${chats} chats, ${agents} agents`);
  const ra = await prepareRouting(ctx.sb, 'switchboard', agents, chats);
  const rb = await prepareRouting(ctx.relay, 'relay', agents, chats);
  type Routing = Awaited<ReturnType<typeof routingRound>>;
  const routing = { a: [] as Routing[], b: [] as Routing[] };
  let timers: Awaited<ReturnType<typeof timerBytes>> | null = null;
  const commands: ProbeReply[] = [];
  try {
    for (let round = 0; round < ctx.rounds; round += 1) {
      await ctx.sb.probe({ probe: 'db-reset' });
      const mine = await routingRound(ra, 50, { redisUrl: ctx.services.redisUrl, server: ctx.sb });
      routing.a.push(mine);
      commands.push(await ctx.sb.probe({ probe: 'db' }));
      // Said before the clean-up: a round that takes minutes should not be lost to a later failure.
      ctx.say(
        `  round ${round + 1}: ${fmt(mine.perSecond)} assignments/s, p50 ${fmt(mine.p50)} p99 ${fmt(mine.p99)} ms; start acked p50 ${fmt(mine.startAckP50)} p99 ${fmt(mine.startAckP99)} ms, ${mine.startTimeouts} unanswered in 15 s, ${mine.startRefusals} refused (retried)`,
      );
      timers ??= await timerBytes(ctx.services.redisUrl, ctx.sb);
      await closeRoutingChats(ra);
      routing.b.push(await routingRound(rb, 50));
      ctx.say(`  round ${round + 1}, relay: p99 ${fmt(routing.b.at(-1)?.p99 ?? NaN)} ms`);
    }
  } finally {
    await ra.client.exit();
    await rb.client.exit();
  }
  const rows: Row[] = [
    measuredRow({
      figure: `5. assignments/s, ${chats} chats, ${agents} agents (baseline: relayed round trips/s)`,
      a: routing.a.map((r) => r.perSecond),
      b: routing.b.map((r) => r.perSecond),
      unit: '',
      target: '≥ 400/s',
      pass: (_ratio, median) => median >= 400,
    }),
    ...(['p50', 'p99'] as const).map((q) =>
      measuredRow({
        figure: `5. enqueue → agent notified, ${q}`,
        a: routing.a.map((r) => r[q]),
        b: routing.b.map((r) => r[q]),
        unit: ' ms',
        target: q === 'p99' ? 'p99 ≤ 150 ms' : 'report',
        ...(q === 'p99' ? { pass: (_ratio: number, median: number) => median <= 150 } : {}),
      }),
    ),
    measuredRow({
      figure: '5. Redis commands sent per assignment, start to agent notified (every command the server sent)',
      a: routing.a.map((r) => r.redisCommandsPerChat),
      b: null,
      unit: '',
      target: '≤ 15',
      pass: (_ratio, median) => median <= 15,
    }),
    {
      figure: '5. evidence: Redis commands sent per assignment by name, top 5',
      switchboard: routing.a.map((r) => r.redisCommandsTop).join('; '),
      baseline: '—',
      ratio: '—',
      target: 'evidence',
      verdict: 'report',
    },
    {
      figure: "5. evidence: commands Redis executed per assignment, scripts' own included (INFO commandstats), top 5",
      switchboard: routing.a.map((r) => `${fmt(r.redisExecutedPerChat)} (${r.redisExecutedTop})`).join('; '),
      baseline: '—',
      ratio: '—',
      target: 'evidence',
      verdict: 'report',
    },
  ];
  rows.push(
    measuredRow({
      figure: '5. evidence: `conversation.start` emitted → acked (per attempt), p99',
      a: routing.a.map((r) => r.startAckP99),
      b: null,
      unit: ' ms',
      target: 'evidence',
    }),
    {
      figure: '5. evidence: start attempts unanswered within 15 s / refused retryably (then retried)',
      switchboard: routing.a.map((r) => `${r.startTimeouts} / ${r.startRefusals}`).join(', '),
      baseline: '—',
      ratio: '—',
      target: 'evidence',
      verdict: 'report',
    },
  );
  const perChat = commands.flatMap((db) => (db.probe === 'db' && db.monitoring ? [db] : []));
  if (perChat.length > 0) {
    rows.push({
      figure: '5. evidence: database commands per chat, start to assignment (top 5: command collection × per chat)',
      switchboard: perChat.map((db) => commandsPerChat(db, chats)).join('; '),
      baseline: '—',
      ratio: '—',
      target: 'evidence',
      verdict: 'report',
    });
  }
  if (timers) {
    rows.push(
      measuredRow({
        figure: `6. Redis bytes per pending idle timer (${timers.pending} pending; event stream excluded)`,
        a: [timers.switchboardPerTimer],
        b: [timers.barePerJob],
        unit: ' B',
        target: '≤ 1.5×',
        pass: (ratio) => ratio <= 1.5,
      }),
    );
  }
  return { rows, raw: { routing, timers, commands } };
}

/**
 * Figure 5 (burst): every customer of a 200-chat setup starts at the same
 * moment (200 starts outstanding, not 50), against 20 agents with room for
 * all. What it shows is whether chat starts queue on a shared lock or
 * counter: a start refused retryably (`STORE_UNAVAILABLE`) is retried as the
 * widget does and counted. No baseline: the relay stores nothing to refuse.
 */
export async function burstFigure(ctx: Context): Promise<Figure> {
  const { chats, agents } = ctx.sizes.burst;
  await ctx.fresh();
  ctx.say(`start burst: ${chats} chats at once, ${agents} agents`);
  const setup = await prepareRouting(ctx.sb, 'switchboard', agents, chats);
  type Routing = Awaited<ReturnType<typeof routingRound>>;
  const rounds: Routing[] = [];
  try {
    for (let round = 0; round < ctx.rounds; round += 1) {
      const mine = await routingRound(setup, chats, { redisUrl: ctx.services.redisUrl, server: ctx.sb });
      rounds.push(mine);
      ctx.say(
        `  round ${round + 1}: ${mine.startRefusals} refused (retried), ${mine.startTimeouts} unanswered in 15 s; start acked p99 ${fmt(mine.startAckP99)} ms; assigned p99 ${fmt(mine.p99)} ms`,
      );
      await closeRoutingChats(setup);
    }
  } finally {
    await setup.client.exit();
  }
  const rows: Row[] = [
    {
      figure: `5. chat starts refused retryably (STORE_UNAVAILABLE) / unanswered in 15 s, ${chats} at once, ${agents} agents`,
      switchboard: rounds.map((r) => `${r.startRefusals} / ${r.startTimeouts}`).join(', '),
      baseline: '—',
      ratio: '—',
      target: '0',
      verdict: rounds.every((r) => r.startRefusals === 0 && r.startTimeouts === 0) ? 'met' : '**missed**',
    },
    measuredRow({
      figure: `5. evidence: \`conversation.start\` emitted → acked, p99, ${chats} at once`,
      a: rounds.map((r) => r.startAckP99),
      b: null,
      unit: ' ms',
      target: 'evidence',
    }),
    measuredRow({
      figure: `5. evidence: start → agent notified, p99, ${chats} at once`,
      a: rounds.map((r) => r.p99),
      b: null,
      unit: ' ms',
      target: 'evidence',
    }),
  ];
  return { rows, raw: { rounds } };
}

/** Figure 7: the widget bundles (bench/widget-size.ts) against the same-run reference build. */
export async function widgetFigure(ctx: Context): Promise<Figure> {
  ctx.say('widget sizes');
  const widget = await measureWidgetSizes();
  const kb = (bytes: number) => bytes / 1024;
  const row = (figure: string, gzip: number, budget: number) =>
    measuredRow({
      figure,
      a: [kb(gzip)],
      b: [kb(widget.reference.gzip)],
      unit: ' KB',
      target: `≤ ${budget} KB`,
      pass: (_ratio, median) => median <= budget,
    });
  return {
    rows: [
      row('7. widget loader JS, gzip (baseline: preact + socket.io-client reference)', widget.loader.gzip, 3),
      row('7. widget app JS to first render, gzip', widget.app.gzip, 45),
    ],
    raw: widget,
  };
}

/**
 * Figure 2: on its own server (command monitoring costs a little per
 * command) with a V8 CPU profile of the same run for the README's evidence.
 */
export async function dbFigure(ctx: Context, profileTag: string): Promise<Figure> {
  ctx.say('database share (profiled server)');
  const profDir = path.join(RESULTS_DIR, 'profiles', profileTag);
  const server = await startSwitchboard('switchboard-profiled', {
    mongoUri: ctx.services.mongoUri,
    redisUrl: ctx.services.redisUrl,
    monitorDb: true,
    cpuProfDir: profDir,
  });
  const shares: Record<string, Awaited<ReturnType<typeof dbShare>>> = {};
  try {
    // --quick profiles the unloaded path only; the loaded share needs the full run's sizes anyway.
    for (const shape of ctx.quick ? [ctx.sizes.rtt1] : [ctx.sizes.rtt1, ctx.sizes.throughput]) {
      const prepared = await prepareChats(server, 'switchboard', shape);
      shares[`${shape.chats}x${shape.inFlight}`] = await dbShare(prepared, shape);
      await releaseChats(prepared);
    }
  } finally {
    await server.stop();
  }
  const file = readdirSync(profDir).find((name) => name.endsWith('.cpuprofile'));
  const profile = file ? summarizeProfile(path.join(profDir, file)) : null;
  const one = shares['1x1'];
  const { chats, inFlight } = ctx.sizes.throughput;
  const loaded = shares[`${chats}x${inFlight}`];
  const rows: Row[] =
    one && (loaded || ctx.quick)
      ? [
          {
            figure: '2. share of the path waiting on the database (1 × 1; driver-timed commands)',
            switchboard: `${fmt(one.share * 100)}% (${fmt(one.dbMsPerMessage)} of ${fmt(one.pathMsPerMessage)} ms, ${fmt(one.commandsPerMessage)} commands/message)${loaded ? `; under ${chats}×${inFlight}: a command in flight ${fmt(loaded.busyShare * 100)}% of the time, ${fmt(loaded.dbMsPerMessage)} ms of commands per message` : ''}`,
            baseline: '—',
            ratio: '—',
            target: 'report',
            verdict: 'report',
          },
        ]
      : [];
  return { rows, raw: { shares, profile, profileFile: file ? path.join(profDir, file) : null } };
}

/**
 * Evidence for figures 1, 3, 5 and 8: the same database server's command
 * rates with the bare driver (bench/baselines/bare-database.ts), and the
 * message rate they allow: a stored message costs two reads (the chat, the
 * duplicate look-up), one conditional update and one insert.
 */
export async function bareDatabaseFigure(ctx: Context): Promise<Figure> {
  ctx.say('database alone (bare driver)');
  const rates = await measureBareDatabase(ctx.services.mongoUri, {
    documents: ctx.quick ? 200 : 2_000,
    durationMs: ctx.quick ? 700 : 4_000,
  });
  const at = (command: string, inFlight: number) =>
    rates.find((rate) => rate.command === command && rate.inFlight === inFlight);
  const rows: Row[] = ['find by _id', 'conditional update by _id', 'insert (unique index)'].map((command) => ({
    figure: `2. evidence: the database alone (bare driver), ${command}: commands/s (mean ms), 1 / 50 in flight`,
    switchboard: [1, 50]
      .map((inFlight) => at(command, inFlight))
      .map((rate) => (rate ? `${fmt(rate.perSecond)} (${fmt(rate.meanMs)} ms)` : '—'))
      .join(' / '),
    baseline: '—',
    ratio: '—',
    target: 'evidence',
    verdict: 'report',
  }));
  const [find, update, insert] = ['find by _id', 'conditional update by _id', 'insert (unique index)'].map(
    (command) => at(command, 50)?.perSecond ?? NaN,
  ) as [number, number, number];
  rows.push({
    figure: '1. evidence: stored messages/s those rates allow (2 finds + 1 update + 1 insert each, 50 in flight)',
    switchboard: fmt(1 / (2 / find + 1 / update + 1 / insert)),
    baseline: '—',
    ratio: '—',
    target: 'evidence',
    verdict: 'report',
  });
  return { rows, raw: { rates } };
}

/** Cells of one row of a Markdown table printed by bench/timers.ts, found by its first cell. */
function tableRow(text: string, label: string): number[] {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`| ${label} |`));
  return line
    ? line
        .split('|')
        .slice(2, -1)
        .map((value) => Number(value.trim()))
    : [];
}

/**
 * Figure 6 (component level): bench/timers.ts (the jobs feature's own timer
 * benchmark: Switchboard's createIdleTimers against bare BullMQ on one
 * Redis). It flushes the Redis it uses, so it always starts its own services.
 */
export async function timersFigure(ctx: Context, quick: boolean): Promise<Figure> {
  ctx.say('idle timers (bench/timers.ts, own Redis)');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_TIMERS: quick ? '300' : '5000',
    BENCH_LATENESS_JOBS: quick ? '200' : '2000',
  };
  delete env.REDIS_URL;
  delete env.MONGODB_URI;
  const text = await captureScript('bench/timers.ts', env);
  const timer = tableRow(text, 'timer (dedup replace)');
  const bareAdd = tableRow(text, 'bare add (old job left behind)');
  const bareMove = tableRow(text, 'bare remove+add (job id)');
  const late = { dedup: tableRow(text, 'dedup'), plain: tableRow(text, 'plain') };
  const rows: Row[] = [
    measuredRow({
      figure: '6. Redis bytes per pending timer, component (used_memory delta; baseline: bare delayed job)',
      a: [timer[0] ?? NaN],
      b: [bareAdd[0] ?? NaN],
      unit: ' B',
      target: '≤ 1.5×',
      pass: (ratio) => ratio <= 1.5,
    }),
    measuredRow({
      figure: '6. idle-timer reschedules/s, 50 in flight (baseline: bare remove + add by job id)',
      a: [timer[3] ?? NaN],
      b: [bareMove[3] ?? NaN],
      unit: '',
      target: 'report',
    }),
    measuredRow({
      figure: '6. p99 lateness, timer-style dedup jobs vs plain delayed jobs (trivial worker)',
      a: [late.dedup[1] ?? NaN],
      b: [late.plain[1] ?? NaN],
      unit: ' ms',
      target: '≤ 2×',
      pass: (ratio) => ratio <= 2,
    }),
  ];
  return { rows, raw: { output: text } };
}
