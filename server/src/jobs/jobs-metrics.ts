import { Counter, type Registry } from 'prom-client';
import type { QueueFactory } from '../infra/queues.js';

export interface JobsMetrics {
  idleActions: Counter<'action'>;
  transcripts: Counter<'outcome'>;
}

/** Job outcomes for every queue of this process, and what the idle timers and transcript emails did. */
export function createJobsMetrics(registry: Registry, queues: QueueFactory): JobsMetrics {
  const jobs = new Counter({
    name: 'switchboard_jobs_total',
    help: 'Job attempts finished by this process, by queue and outcome (failed counts every failed attempt)',
    labelNames: ['queue', 'outcome'],
    registers: [registry],
  });
  queues.onOutcome((queue, outcome) => jobs.inc({ queue, outcome }));
  return {
    idleActions: new Counter({
      name: 'switchboard_idle_actions_total',
      help: 'Idle timer actions: nudge (customer check-in), close, flag (agent unanswered), requeue',
      labelNames: ['action'],
      registers: [registry],
    }),
    transcripts: new Counter({
      name: 'switchboard_transcripts_total',
      help: 'Transcript emails: sent, retry (an attempt failed, another follows), failed (gave up)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
