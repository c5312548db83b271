/**
 * Figure 6, lateness: real idle check-ins under chat load against bare
 * BullMQ delayed jobs under the same load. A Switchboard started with a 3 s
 * CUSTOMER_IDLE_NUDGE (1.5 s with --quick) holds `chats` assigned chats;
 * while a closed loop of customer messages runs on other chats, every one of
 * them gets an agent reply and then silence, and the check-in's stored time
 * is compared with when it was due (reply stored + the delay). The baseline
 * adds as many plain delayed jobs, as far out, in a process of its own,
 * under the same load.
 */
import type { Context, Figure } from '../figures.js';
import { all } from '../lib/clients.js';
import { captureScript } from '../lib/procs.js';
import { measuredRow } from '../lib/report.js';
import { fmt, quantile } from '../lib/stats.js';
import { prepareChats, releaseChats, type ChatShape } from './chat.js';
import { prepareRouting, routingRound } from './other.js';

/** The check-in delay; --quick waits less (lateness, not the delay, is the figure). */
const nudgeDelayMs = (quick: boolean) => (quick ? 1_500 : 3_000);
/** Check-ins armed at once: chats answered in parallel (and baseline jobs added in parallel). */
const AT_ONCE = 20;

export interface NudgeSizes {
  chats: number;
  agents: number;
  /** The chat load running meanwhile (its own chats and agents). */
  load: Pick<ChatShape, 'chats' | 'inFlight'>;
}

export async function nudgesFigure(ctx: Context): Promise<Figure> {
  const { chats, agents, load } = ctx.sizes.nudges;
  const NUDGE_MS = nudgeDelayMs(ctx.quick);
  // The SLA and close are far away: only the check-in is timed (the SLA still makes the timer
  // wake within the check-in delay of each customer message, idle-policy.ts).
  await ctx.fresh({
    extraEnv: { CUSTOMER_IDLE_NUDGE: `${NUDGE_MS}ms`, CUSTOMER_IDLE_CLOSE: '1h', AGENT_REPLY_SLA: '1h' },
  });
  ctx.say(`idle check-ins: ${chats} chats, ${agents} agents, under ${load.chats} chats × ${load.inFlight} in flight`);
  const timed = await prepareRouting(ctx.sb, 'switchboard', agents, chats);
  // The timed chats fill their agents first: the load's chats then land on the load's own agent.
  await routingRound(timed, 50);
  const loaded = await prepareChats(ctx.sb, 'switchboard', { ...load, clients: 1, warmupMs: 0, measureMs: 0 });
  const rounds = { a: [] as number[][], b: [] as number[][] };
  try {
    await all(loaded.clients, { cmd: 'load', inFlight: load.inFlight });
    for (let round = 0; round < ctx.rounds; round += 1) {
      const nudges = await timed.client.result({ cmd: 'nudge-round', nudgeMs: NUDGE_MS, concurrency: AT_ONCE });
      rounds.a.push(nudges.latencies);
      const bare = await captureScript('bench/baselines/bare-delay.ts', {
        ...process.env,
        REDIS_URL: ctx.services.redisUrl,
        BENCH_DELAY_JOBS: String(chats),
        BENCH_DELAY_MS: String(NUDGE_MS),
        BENCH_DELAY_CONCURRENCY: String(AT_ONCE),
      });
      rounds.b.push(JSON.parse(bare.trim().split('\n').at(-1) ?? '[]') as number[]);
      ctx.say(
        `  round ${round + 1}: check-in p99 ${fmt(quantile(nudges.latencies, 0.99))} ms late vs bare ${fmt(quantile(rounds.b.at(-1) ?? [], 0.99))} ms`,
      );
    }
    await all(loaded.clients, { cmd: 'stop' });
  } finally {
    await timed.client.exit();
    await releaseChats(loaded);
  }
  const per = (q: number) => ({
    a: rounds.a.map((latencies) => quantile(latencies, q)),
    b: rounds.b.map((latencies) => quantile(latencies, q)),
  });
  const under = `${chats} check-ins ${NUDGE_MS / 1000} s out, under ${load.chats} chats × ${load.inFlight} in flight`;
  return {
    rows: [
      measuredRow({
        figure: `6. idle check-in lateness, p50 (${under}; baseline: bare delayed jobs)`,
        ...per(0.5),
        unit: ' ms',
        target: 'report',
      }),
      measuredRow({
        figure: `6. idle check-in lateness, p99 (stored − due; baseline: job started − due)`,
        ...per(0.99),
        unit: ' ms',
        target: '≤ 3×',
        pass: (ratio) => ratio <= 3,
      }),
    ],
    raw: rounds,
  };
}
