import type { QueueFactory } from './queues.js';

/**
 * Runs a job every `everyMs` on the queue `name`, once per deployment: the
 * schedule's id is the queue's name, so every process that starts upserts the
 * same schedule (a changed interval replaces it) and one worker runs each job.
 * One attempt each (the next run does what a failed one left), nothing kept of
 * a completed run, the last hundred failures kept for inspection.
 */
export async function scheduleRepeatingJob(
  queues: Pick<QueueFactory, 'queue'>,
  name: string,
  options: { everyMs: number; jobName: string },
): Promise<void> {
  await queues
    .queue(name)
    .upsertJobScheduler(
      name,
      { every: options.everyMs },
      { name: options.jobName, opts: { removeOnComplete: true, removeOnFail: 100, attempts: 1 } },
    );
}
