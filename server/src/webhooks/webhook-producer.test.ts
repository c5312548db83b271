import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../infra/logger.js';
import type { EndpointRoute } from './webhook-endpoints.service.js';
import type { WebhookJob } from './webhook-jobs.js';
import { createWebhookProducer } from './webhook-producer.js';

/** Counts what the producer asks of Redis and BullMQ (stand-ins: the integration tests use the real ones). */
function recorder() {
  const calls = { pipelines: 0, incr: 0, bulks: [] as { data: WebhookJob; opts: { jobId: string } }[][] };
  let counter = 0;
  const redis = {
    pipeline() {
      calls.pipelines += 1;
      const replies: [null, number][] = [];
      const pipeline = {
        incr() {
          calls.incr += 1;
          replies.push([null, (counter += 1)]);
          return pipeline;
        },
        pexpire() {
          replies.push([null, 1]);
          return pipeline;
        },
        exec: () => Promise.resolve(replies),
      };
      return pipeline;
    },
  } as unknown as Redis;
  const queue = {
    addBulk(jobs: { data: WebhookJob; opts: { jobId: string } }[]) {
      calls.bulks.push(jobs);
      return Promise.resolve([]);
    },
  } as unknown as Queue<WebhookJob>;
  return { calls, redis, queue: () => queue };
}

const logger = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const route = (id: string, events: EndpointRoute['events'], includeInternalNotes = false): EndpointRoute => ({
  id,
  events,
  includeInternalNotes,
});
const conversationId = 'a'.repeat(24);

describe('webhook producer', () => {
  it('costs nothing (no Redis call, no data built) when no endpoint wants the event', async () => {
    const { calls, redis, queue } = recorder();
    const producer = createWebhookProducer({ routes: () => [], queue, redis, prefix: 'p', logger, jobOptions: {} });
    let built = 0;
    for (let index = 0; index < 100; index += 1) {
      producer.publish('message.created', { conversationId }, () => ({ built: (built += 1) }));
    }
    await producer.settled();
    expect(calls).toEqual({ pipelines: 0, incr: 0, bulks: [] });
    expect(built).toBe(0);
  });

  it('queues the events of one tick with one pipeline and one addBulk, each in its lane, in order', async () => {
    const { calls, redis, queue } = recorder();
    const routes = [
      route('b'.repeat(24), new Set(['message.created'] as const)),
      route('c'.repeat(24), new Set(['conversation.closed'] as const), true),
    ];
    const producer = createWebhookProducer({ routes: () => routes, queue, redis, prefix: 'p', logger, jobOptions: {} });
    producer.publish('message.created', { conversationId }, () => ({ n: 1 }));
    producer.publish('message.created', { conversationId, internal: true }, () => ({ note: true }));
    producer.publish('message.created', { conversationId }, () => ({ n: 2 }));
    producer.publish('conversation.closed', { conversationId }, () => ({ closed: true }));
    await producer.settled();
    expect(calls.pipelines).toBe(1);
    expect(calls.bulks).toHaveLength(1);
    const jobs = calls.bulks[0]!;
    // The internal note goes nowhere: the endpoint that takes notes does not take messages.
    expect(jobs.map((job) => [job.data.endpointId[0], job.data.event, job.data.lane])).toEqual([
      ['b', 'message.created', 1],
      ['b', 'message.created', 2],
      ['c', 'conversation.closed', 3],
    ]);
    expect(jobs.map((job) => (JSON.parse(job.data.body) as { data: unknown }).data)).toEqual([
      { n: 1 },
      { n: 2 },
      { closed: true },
    ]);
    expect(jobs[0]!.opts.jobId).toBe(`wh.${'b'.repeat(24)}.${conversationId}.1`);
  });
});
