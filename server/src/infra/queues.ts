import { Queue, Worker, type Job, type JobsOptions, type Processor, type QueueEvents } from 'bullmq';
import type { Logger } from './logger.js';
import { withTimeout } from './with-timeout.js';
import { bullConnectionOptions } from './redis.js';

/**
 * BullMQ plumbing shared by every feature with background work: one place
 * that sets the connection options (workers block on Redis forever, never
 * give up a command), the key prefix, retries with backoff, and closes
 * everything on shutdown. Queue names and job data types live with the
 * features; this module only runs them.
 */
export interface QueueFactory {
  /** A producer for `name` (created once per process). */
  queue<Data>(name: string, options?: QueueSetup): Queue<Data>;
  /** Names of every queue this process produced to or registered a worker for (ops listings). */
  names(): string[];
  /**
   * Registers a processor. It runs only in processes whose PROCESS_ROLE
   * includes workers, starting when the app starts.
   */
  worker<Data>(name: string, processor: Processor<Data>, options?: WorkerSetup): void;
  /** Called after every job attempt a worker of this process finishes (metrics). */
  onOutcome(listener: OutcomeListener): void;
  /** Starts registered workers (no-op in web-only processes). */
  startWorkers(): Promise<void>;
  /** Closes workers then queues; gives up waiting (and disconnects) after `graceMs`. */
  close(graceMs?: number): Promise<void>;
  /** Default options for jobs: retried with exponential backoff, kept for inspection when they fail. */
  readonly defaultJobOptions: JobsOptions;
}

/** Per-queue producer settings, applied when the queue is first created in this process. */
export interface QueueSetup {
  /** Overrides of the default job options for this queue. */
  defaultJobOptions?: JobsOptions;
  /** Cap of the queue's event stream (BullMQ default 10 000); busy timer queues keep it small. */
  eventsMaxLen?: number;
}

export interface WorkerSetup {
  concurrency?: number;
}

export type OutcomeListener = (
  queue: string,
  outcome: 'completed' | 'failed',
  job: Job | undefined,
  error?: Error,
) => void;

export function createQueueFactory(options: {
  redisUrl: string;
  prefix: string;
  runWorkers: boolean;
  logger: Logger;
  /**
   * How long a job's lock lives without renewal, for every queue: a worker
   * that died holding it is noticed (stalled) and the job runs again
   * elsewhere within about twice this. Unset: BullMQ's 30 s.
   */
  lockDurationMs?: number;
}): QueueFactory {
  const connection = bullConnectionOptions(options.redisUrl);
  const prefix = `${options.prefix}:bull`;
  const queues = new Map<string, Queue>();
  const processors = new Map<string, { processor: Processor; setup: WorkerSetup }>();
  const outcomeListeners: OutcomeListener[] = [];
  const notify: OutcomeListener = (...args) => {
    for (const listener of outcomeListeners) listener(...args);
  };
  const workers: Worker[] = [];
  const defaultJobOptions: JobsOptions = {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };

  return {
    defaultJobOptions,
    queue<Data>(name: string, setup: QueueSetup = {}) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, {
          connection,
          prefix,
          defaultJobOptions: { ...defaultJobOptions, ...setup.defaultJobOptions },
          ...(setup.eventsMaxLen === undefined ? {} : { streams: { events: { maxLen: setup.eventsMaxLen } } }),
        });
        queue.on('error', (error) => options.logger.warn({ err: error.message, queue: name }, 'queue error'));
        queues.set(name, queue);
      }
      return queue as unknown as Queue<Data>;
    },
    names() {
      return [...new Set([...queues.keys(), ...processors.keys()])].sort();
    },
    worker<Data>(name: string, processor: Processor<Data>, setup: WorkerSetup = {}) {
      processors.set(name, { processor: processor as Processor, setup });
    },
    onOutcome(listener) {
      outcomeListeners.push(listener);
    },
    async startWorkers() {
      if (!options.runWorkers) return;
      for (const [name, { processor, setup }] of processors) {
        const lock = options.lockDurationMs;
        const worker = new Worker(name, processor, {
          connection,
          prefix,
          concurrency: setup.concurrency ?? 4,
          autorun: true,
          ...(lock === undefined ? {} : { lockDuration: lock, stalledInterval: lock }),
        });
        worker.on('completed', (job: Job) => notify(name, 'completed', job));
        worker.on('failed', (job: Job | undefined, error: Error) => {
          options.logger.warn(
            { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: error.message },
            'job failed',
          );
          notify(name, 'failed', job, error);
        });
        worker.on('error', (error) => options.logger.warn({ queue: name, err: error.message }, 'worker error'));
        workers.push(worker);
      }
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    },
    async close(graceMs = 10_000) {
      // Workers first: they finish the job in hand (graceful), then producers. With
      // Redis down a close waits for it for ever, so after the grace period we cut the
      // connections; an unfinished job is picked up again by another worker (stalled).
      const closing = (async () => {
        await Promise.allSettled(workers.map((worker) => worker.close()));
        await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
      })();
      try {
        await withTimeout(closing, graceMs, 'closing queues timed out');
      } catch {
        options.logger.warn('queues did not close in time; disconnecting');
        // Not awaited: with Redis gone a disconnect can wait as long as the close did.
        for (const each of [...workers, ...queues.values()]) void each.disconnect().catch(() => undefined);
      }
    },
  };
}

export type { Job, Processor, QueueEvents };
