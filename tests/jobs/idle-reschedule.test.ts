import { randomBytes } from 'node:crypto';
import { createIdleTimers, createLogger, createQueueFactory, type IdleTimers } from '@switchboard/server';
import { UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueNamespace } from '../support/test-server.js';

/**
 * The idle timer's reschedules against a real Redis and BullMQ, with the
 * timer's job held active by a processor that waits for the test, so the
 * race a busy machine produces now and then happens every time here: a
 * reschedule landing while the previous timer job runs.
 */
describe('idle timer reschedules while the timer job runs', () => {
  const redisUrl = inject('redisUrl');
  const namespace = uniqueNamespace(import.meta.filename);
  const queues = createQueueFactory({
    redisUrl,
    prefix: namespace,
    runWorkers: true,
    logger: createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
  });
  let timers: IdleTimers;
  /** Per conversation: resolves when its job is running; the job ends when `release` is called. */
  const held = new Map<string, { running: () => void; release: Promise<void> }>();
  const completed = new Map<string, () => void>();
  /** Conversations whose timer job fails for good; `failed` resolves when it has. */
  const failing = new Map<string, () => void>();

  const conversationId = () => randomBytes(12).toString('hex');

  /** Schedules a conversation's first timer and waits until its job is running; returns what ends it. */
  async function runningJob(id: string): Promise<{ finish: () => Promise<void> }> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const running = new Promise<void>((resolve) => held.set(id, { running: resolve, release: released }));
    await timers.schedule(id, 0, 'reset');
    await running;
    return {
      async finish() {
        const done = new Promise<void>((resolve) => completed.set(id, resolve));
        release();
        await done; // moved to completed: BullMQ has enqueued what was kept for after it
      },
    };
  }

  /** The timer jobs waiting for a conversation, with the delay each was added with. */
  async function pending(id: string): Promise<number[]> {
    const jobs = await timers.queue.getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs.filter((job) => job.data.conversationId === id).map((job) => job.opts.delay ?? 0);
  }

  beforeAll(async () => {
    timers = createIdleTimers(queues);
    queues.worker<{ conversationId: string }>(timers.queue.name, async (job) => {
      if (failing.has(job.data.conversationId)) throw new UnrecoverableError('fails for good');
      const hold = held.get(job.data.conversationId);
      held.delete(job.data.conversationId);
      if (hold) {
        hold.running();
        await hold.release;
      }
      return 'done';
    });
    queues.onOutcome((_queue, outcome, job) => {
      const id = (job?.data as { conversationId?: string } | undefined)?.conversationId;
      if (outcome === 'completed' && id) completed.get(id)?.();
      if (outcome === 'failed' && id) failing.get(id)?.();
    });
    await queues.startWorkers();
  });
  afterAll(async () => {
    await queues.close();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
  });

  it("keeps the running job's re-arm when a same-turn message lands after it (the clock does not move)", async () => {
    const id = conversationId();
    const job = await runningJob(id);
    // The worker re-arms for its next wake-up (due in a minute) ...
    await timers.schedule(id, 60_000, 'reset');
    // ... and a further customer message in the same turn arrives before the job ends.
    await timers.schedule(id, 3_600_000, 'ensure');
    await job.finish();
    // Before the fix the message's add replaced the re-arm: the next look was an hour away.
    expect(await pending(id)).toEqual([60_000]);
  });

  it('keeps a turn change that lands while the job runs, after the job ends', async () => {
    const id = conversationId();
    const job = await runningJob(id);
    await timers.schedule(id, 90_000, 'reset');
    expect(await pending(id)).toEqual([]);
    await job.finish();
    expect(await pending(id)).toEqual([90_000]);
  });

  it('keeps one pending timer through many same-turn messages, and a turn change replaces it', async () => {
    const id = conversationId();
    await timers.schedule(id, 60_000, 'reset');
    for (let i = 0; i < 5; i += 1) await timers.schedule(id, 30_000, 'ensure');
    expect(await pending(id)).toEqual([60_000]);
    await timers.schedule(id, 45_000, 'reset');
    expect(await pending(id)).toEqual([45_000]);
  });

  it('frees the timer of a job that failed for good, so the sweep can give the chat a new one', async () => {
    const id = conversationId();
    const failed = new Promise<void>((resolve) => failing.set(id, resolve));
    await timers.schedule(id, 0, 'reset');
    await failed;
    failing.delete(id);
    // What jobs.feature's sweep does for every live chat: a no-op only while a timer is pending.
    await timers.schedule(id, 60_000, 'ensure');
    expect(await pending(id)).toEqual([60_000]);
  });
});
