import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The four repeating sweeps (idle timers, routing, attachment retention, the
 * retention policy) are scheduled by one helper: each keeps its own id, its
 * interval and job name, and the same options (one attempt, completed runs
 * dropped, the last hundred failures kept).
 */
describe('repeating sweeps', () => {
  let server: TestServer;
  const intervals = {
    'idle-timer-sweep': 61_000,
    'routing-sweep': 62_000,
    'attachment-retention': 63_000,
    retention: 64_000,
  };
  const jobNames = { retention: 'retention' } as Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: {
        IDLE_TIMER_SWEEP: String(intervals['idle-timer-sweep']),
        ROUTING_SWEEP: String(intervals['routing-sweep']),
        ATTACHMENT_RETENTION_SWEEP: String(intervals['attachment-retention']),
        RETENTION_INTERVAL: String(intervals.retention),
        RETENTION_DAYS: '30',
      },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('schedules each once per deployment, under its queue’s name, with its interval and the shared options', async () => {
    for (const [name, every] of Object.entries(intervals)) {
      const queue = new Queue(name, { connection: { url: inject('redisUrl') }, prefix: `${server.namespace}:bull` });
      try {
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers, name).toHaveLength(1);
        expect(schedulers[0], name).toMatchObject({
          key: name,
          name: jobNames[name] ?? 'sweep',
          every,
          template: { opts: { removeOnComplete: true, removeOnFail: 100, attempts: 1 } },
        });
      } finally {
        await queue.close();
      }
    }
  });
});
