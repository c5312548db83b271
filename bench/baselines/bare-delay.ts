/**
 * Figure 6's lateness baseline: bare BullMQ delayed jobs (default options, a
 * trivial processor at the idle worker's concurrency), added the way the
 * nudge round arms its check-ins, `BENCH_DELAY_JOBS` of them due
 * `BENCH_DELAY_MS` after they are added, `BENCH_DELAY_CONCURRENCY` adds at a
 * time. Run as its own process beside the same chat load as the nudges.
 * Prints one JSON line: every job's lateness in ms (started − due).
 */
import { randomBytes } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';

const number = (name: string) => {
  const value = Number(process.env[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const jobs = number('BENCH_DELAY_JOBS');
const delay = number('BENCH_DELAY_MS');
const concurrency = number('BENCH_DELAY_CONCURRENCY');
const url = process.env.REDIS_URL;
if (!url) throw new Error('REDIS_URL is required');

const connection = { url, maxRetriesPerRequest: null };
const prefix = `bench-delay-${randomBytes(4).toString('hex')}`;
const queue = new Queue<{ due: number }>('bare-delay', { connection, prefix });
const late: number[] = [];
let done!: () => void;
const allDone = new Promise<void>((resolve) => (done = resolve));
// The idle worker's concurrency (server/src/jobs/jobs.feature.ts).
const worker = new Worker<{ due: number }>(
  'bare-delay',
  (job: Job<{ due: number }>) => {
    late.push(Date.now() - job.data.due);
    if (late.length === jobs) done();
    return Promise.resolve();
  },
  { connection, prefix, concurrency: 8 },
);
await worker.waitUntilReady();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < jobs) {
      next += 1;
      await queue.add('nudge', { due: Date.now() + delay }, { delay, removeOnComplete: true });
    }
  }),
);
await allDone;
await worker.close();
await queue.obliterate({ force: true });
await queue.close();
process.stdout.write(`${JSON.stringify(late)}\n`);
