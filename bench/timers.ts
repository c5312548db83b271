/**
 * Idle timers (benchmark): what one pending per-conversation timer
 * costs in Redis, how fast it is rescheduled, and how late it fires, side by
 * side with bare BullMQ delayed jobs measured in the same run on the same Redis.
 *
 *   pnpm --filter @switchboard/bench run timers        (REDIS_URL optional)
 *
 * - timer: Switchboard's idle timer (server/src/jobs/idle-timers.ts): one
 *   delayed job per conversation, rescheduled through BullMQ deduplication
 *   (`replace` + `keepLastIfActive`), one EVALSHA per reschedule.
 * - bare add: a plain delayed job per event (what a naive "timer per message"
 *   would do; rescheduling leaves the old job behind).
 * - bare remove+add: deterministic job id, `remove` then `add` (two calls).
 *
 * Prints Markdown tables; numbers depend on the machine (and on what else it
 * runs), compare rows of one run only. Bytes and command counts are stable;
 * rates and lateness are noisy on a shared machine.
 */
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startServices } from '../scripts/services/index.js';
import { bullConnectionOptions, createIdleTimers, createQueueFactory } from '@switchboard/server';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 5_000);
const LATENESS_JOBS = Number(process.env.BENCH_LATENESS_JOBS ?? 2_000);
const IN_FLIGHT = 50;
const HOUR = 3_600_000;

const services = await startServices();
const redis = new Redis(services.redisUrl);
const connection = bullConnectionOptions(services.redisUrl);
const logger = pino({ level: 'silent' });

async function usedMemory(): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Commands Redis executed (client calls, and calls made inside scripts), from INFO commandstats. */
async function commandCounts(): Promise<{ client: number; total: number }> {
  const info = await redis.info('commandstats');
  let total = 0;
  let scripts = 0;
  for (const [, name, calls] of info.matchAll(/cmdstat_([a-z|_-]+):calls=(\d+)/g)) {
    total += Number(calls);
    if (name === 'evalsha' || name === 'eval') scripts += Number(calls);
  }
  return { client: scripts, total };
}

async function inBatches(count: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += IN_FLIGHT) {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count - i) }, (_, j) => run(i + j)));
  }
  return (count / (performance.now() - started)) * 1000;
}

const id = (i: number) => i.toString(16).padStart(24, '0');
const rows: string[] = [];

async function measure(
  label: string,
  create: (i: number) => Promise<unknown>,
  reschedule: (i: number) => Promise<unknown>,
): Promise<void> {
  await redis.flushdb();
  const before = await usedMemory();
  const createRate = await inBatches(TIMERS, create);
  const perTimer = ((await usedMemory()) - before) / TIMERS;
  await redis.config('RESETSTAT');
  const rescheduleRate = await inBatches(TIMERS, reschedule);
  const counts = await commandCounts();
  const perTimerAfter = ((await usedMemory()) - before) / TIMERS;
  rows.push(
    `| ${label} | ${Math.round(perTimer)} | ${Math.round(perTimerAfter)} | ${Math.round(createRate)} | ${Math.round(rescheduleRate)} | ${(counts.client / TIMERS).toFixed(2)} | ${(counts.total / TIMERS).toFixed(1)} |`,
  );
}

const factory = createQueueFactory({ redisUrl: services.redisUrl, prefix: 'bench', runWorkers: false, logger });
const timers = createIdleTimers(factory);
const bare = new Queue('bare', { connection, prefix: 'bench:bull', defaultJobOptions: { removeOnComplete: true } });

try {
  // Warm-up (script loading, JIT), not reported.
  await measure(
    'warm-up',
    (i) => timers.schedule(id(i), HOUR, 'reset'),
    (i) => bare.add('idle', { conversationId: id(i) }, { delay: HOUR }),
  );
  rows.length = 0;
  await measure(
    'timer (dedup replace)',
    (i) => timers.schedule(id(i), HOUR, 'reset'),
    (i) => timers.schedule(id(i), HOUR, 'reset'),
  );
  await measure(
    'timer, same-turn message (dedup ensure)',
    (i) => timers.schedule(id(i), HOUR, 'reset'),
    (i) => timers.schedule(id(i), HOUR, 'ensure'),
  );
  await measure(
    'bare add (old job left behind)',
    (i) => bare.add('idle', { conversationId: id(i) }, { delay: HOUR }),
    (i) => bare.add('idle', { conversationId: id(i) }, { delay: HOUR }),
  );
  await measure(
    'bare remove+add (job id)',
    (i) => bare.add('idle', { conversationId: id(i) }, { delay: HOUR, jobId: `idle-${id(i)}` }),
    async (i) => {
      await bare.remove(`idle-${id(i)}`);
      await bare.add('idle', { conversationId: id(i) }, { delay: HOUR, jobId: `idle-${id(i)}` });
    },
  );

  process.stdout.write(`\n### Pending timers: ${TIMERS}, ${IN_FLIGHT} calls in flight\n\n`);
  process.stdout.write(
    '| variant | bytes per pending timer | after one reschedule each | creates/s | reschedules/s | client calls per reschedule | Redis commands per reschedule |\n',
  );
  process.stdout.write('| --- | --: | --: | --: | --: | --: | --: |\n');
  process.stdout.write(`${rows.join('\n')}\n`);

  // Lateness: jobs due within the next second, processed by a trivial worker (concurrency 50).
  const lateness = async (label: string, add: (i: number, delay: number) => Promise<unknown>) => {
    await redis.flushdb();
    const late: number[] = [];
    const worker = new Worker(
      label,
      (job: Job<{ due: number }>) => {
        late.push(Date.now() - job.data.due);
        return Promise.resolve();
      },
      { connection, prefix: 'bench:bull', concurrency: 50 },
    );
    await worker.waitUntilReady();
    await inBatches(LATENESS_JOBS, (i) => add(i, 500 + (i % 500)));
    while (late.length < LATENESS_JOBS) await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.close();
    late.sort((a, b) => a - b);
    const at = (q: number) => late[Math.min(late.length - 1, Math.floor(q * late.length))] ?? 0;
    return `| ${label} | ${at(0.5)} | ${at(0.99)} | ${late.at(-1) ?? 0} |`;
  };
  const dedupQueue = new Queue<{ due: number }>('dedup', { connection, prefix: 'bench:bull' });
  const bareQueue = new Queue<{ due: number }>('plain', { connection, prefix: 'bench:bull' });
  const dedup = (i: number, delay: number) =>
    dedupQueue.add(
      'idle',
      { due: Date.now() + delay },
      { delay, removeOnComplete: true, deduplication: { id: `d${i}`, replace: true, keepLastIfActive: true } },
    );
  const plain = (_i: number, delay: number) =>
    bareQueue.add('idle', { due: Date.now() + delay }, { delay, removeOnComplete: true });
  // A warm-up round each (script loading, JIT), then two interleaved measured rounds.
  await lateness('dedup', dedup);
  await lateness('plain', plain);
  const latenessRows = [
    await lateness('dedup', dedup),
    await lateness('plain', plain),
    await lateness('dedup', dedup),
    await lateness('plain', plain),
  ];
  await Promise.all([dedupQueue.close(), bareQueue.close()]);
  process.stdout.write(`\n### Lateness of ${LATENESS_JOBS} timers due within 0.5–1 s (ms)\n\n`);
  process.stdout.write('| variant | p50 | p99 | max |\n| --- | --: | --: | --: |\n');
  process.stdout.write(`${latenessRows.join('\n')}\n\n`);
} finally {
  await factory.close();
  await bare.close();
  redis.disconnect();
  await services.stop();
}
