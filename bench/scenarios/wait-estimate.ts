/**
 * How honest the wait estimate is. A busy hour on a simulated clock (no
 * server: routing's arithmetic is what is measured, and a simulated hour
 * runs in milliseconds): chats arrive at random (Poisson), agents with a few
 * slots each take the oldest waiting chat as soon as a slot frees, handling
 * times are drawn from a lognormal spread. Every customer who finds no free
 * slot is shown the server's own estimate (`estimateWaitSeconds`, fed what
 * `summarizeHandling` makes of the last `HANDLING_WINDOW` handling times, as
 * routing does), and the wait they really had is compared with it.
 *
 * Error = |shown − real| ÷ max(real, 60 s): under a minute the widget says
 * "less than a minute" whatever the seconds, so a 10 s miss on a 5 s wait is
 * not a 200 % lie.
 */
import { estimateWaitSeconds, HANDLING_WINDOW, summarizeHandling } from '@switchboard/server';
import type { Context, Figure } from '../figures.js';
import { fmt, quantile } from '../lib/stats.js';
import { seededRandom as random } from '../../scripts/seeded-random.js';

export interface BusyHour {
  agents: number;
  slotsPerAgent: number;
  /** Arrivals per hour during the measured hour (the warm-up half hour gets 80 % of it). */
  arrivalsPerHour: number;
  /** Median handling time, seconds, and the lognormal's sigma (its spread). */
  medianHandlingSeconds: number;
  sigma: number;
}

/** Six agents with three slots, 8-minute chats on median, slightly more arrivals than they can serve. */
export const BUSY_HOUR: BusyHour = {
  agents: 6,
  slotsPerAgent: 3,
  arrivalsPerHour: 115,
  medianHandlingSeconds: 480,
  sigma: 0.7,
};

/** The same hour with handling times spread wider (a few chats take far longer than most). */
export const WIDE_SPREAD: BusyHour = { ...BUSY_HOUR, sigma: 1 };

const WARM_UP = 1_800;
const HOUR = 3_600;
const FLOOR_SECONDS = 60;

export interface Waited {
  shown: number;
  real: number;
}

/** One simulated busy hour (after a warm-up that fills the handling-time window): each waiting customer's shown and real wait. */
export function simulateBusyHour(shape: BusyHour, seed: number): { waited: Waited[]; unknown: number } {
  const next = random(seed);
  const exponential = (rate: number) => -Math.log(1 - next()) / rate;
  const handling = () => {
    // Box–Muller: a standard normal from two uniforms.
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return shape.medianHandlingSeconds * Math.exp(shape.sigma * normal);
  };
  const totalSlots = shape.agents * shape.slotsPerAgent;
  /** Handling times of closed chats, newest first, as routing keeps them. */
  const history: number[] = [];
  const inProgress: { assignedAt: number; closesAt: number }[] = [];
  const queue: { arrivedAt: number; shown: number | null; measured: boolean }[] = [];
  const waited: Waited[] = [];
  let unknown = 0;

  const assignOldest = (now: number) => {
    const chat = queue.shift();
    if (!chat) return;
    inProgress.push({ assignedAt: now, closesAt: now + handling() });
    if (chat.measured && chat.shown !== null) waited.push({ shown: chat.shown, real: now - chat.arrivedAt });
  };
  /** Closes every chat ending by `until`, in order; each freed slot takes the oldest waiting chat. */
  const closeUntil = (until: number) => {
    for (;;) {
      inProgress.sort((a, b) => a.closesAt - b.closesAt);
      const first = inProgress[0];
      if (!first || first.closesAt > until) return;
      inProgress.shift();
      history.unshift(first.closesAt - first.assignedAt);
      history.length = Math.min(history.length, HANDLING_WINDOW);
      assignOldest(first.closesAt);
    }
  };

  let now = -WARM_UP;
  while (now < HOUR) {
    const rate = (now < 0 ? 0.8 : 1) * (shape.arrivalsPerHour / HOUR);
    now += exponential(rate);
    if (now >= HOUR) break;
    closeUntil(now);
    const freeSlots = totalSlots - inProgress.length;
    const position = queue.length + 1;
    const measured = now >= 0 && position > freeSlots;
    const shown = estimateWaitSeconds({
      position,
      freeSlots,
      totalSlots,
      ...summarizeHandling(history),
    });
    if (measured && shown === null) unknown += 1;
    queue.push({ arrivedAt: now, shown, measured });
    if (freeSlots > 0) assignOldest(now);
  }
  // Serve everyone still waiting at the end of the hour, so late arrivals count too.
  closeUntil(Infinity);
  return { waited, unknown };
}

/** Median and p90 of the error in %, over `hours` simulated busy hours. */
export function estimateErrors(shape: BusyHour, hours: number) {
  const errors: number[] = [];
  let unknown = 0;
  for (let seed = 1; seed <= hours; seed += 1) {
    const hour = simulateBusyHour(shape, seed);
    unknown += hour.unknown;
    for (const { shown, real } of hour.waited) {
      errors.push((100 * Math.abs(shown - real)) / Math.max(real, FLOOR_SECONDS));
    }
  }
  return { median: quantile(errors, 0.5), p90: quantile(errors, 0.9), customers: errors.length, unknown };
}

export function waitEstimateFigure(ctx: Context): Promise<Figure> {
  const hours = ctx.quick ? 20 : 200;
  const rows = [BUSY_HOUR, WIDE_SPREAD].map((shape) => {
    const result = estimateErrors(shape, hours);
    ctx.say(`wait estimate, σ ${shape.sigma}: ${hours} simulated busy hours, ${result.customers} customers waited`);
    const setting = `${shape.agents} agents × ${shape.slotsPerAgent} slots, ${shape.arrivalsPerHour} chats/h, handling ${shape.medianHandlingSeconds / 60} min median, lognormal σ ${shape.sigma}`;
    return {
      shape,
      result,
      row: {
        figure: `wait estimate: |shown − real| ÷ max(real, 60 s), median / p90 (${result.customers} customers who waited in ${hours} simulated busy hours: ${setting})`,
        switchboard: `${fmt(result.median)} % / ${fmt(result.p90)} %${result.unknown ? ` (${result.unknown} shown no estimate)` : ''}`,
        baseline: '—',
        ratio: '—',
        target: 'median ≤ 30 %',
        verdict: result.median <= 30 ? 'met' : '**missed**',
      },
    };
  });
  return Promise.resolve({
    rows: rows.map(({ row }) => row),
    raw: rows.map(({ shape, result }) => ({ hours, shape, ...result })),
  });
}
