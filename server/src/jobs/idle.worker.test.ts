import type { Job } from 'bullmq';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { LiveState } from '../messages/live-state.js';
import type { IdleThresholds } from './idle-policy.js';
import type { RescheduleMode } from './idle-timers.js';
import { idleProcessor, type IdleWorkerDeps } from './idle.worker.js';

const limits: IdleThresholds = { nudgeMs: 3_600_000, closeMs: 3_600_000, agentReplyMs: 1_000, requeueMs: null };

/** The live state of an assigned chat nobody has written in yet. */
const live = (fields: Partial<LiveState> = {}): LiveState => ({
  rev: 1,
  status: 'active',
  customerId: 'c',
  agentId: 'a',
  departmentId: null,
  offline: false,
  customerName: null,
  turn: null,
  visibleSeq: 1,
  customerSeq: 1,
  agentSeq: 0,
  idle: null,
  answered: false,
  ...fields,
});

/**
 * The processor over in-memory stand-ins (the Redis and database sides are
 * covered by tests/jobs): `states` are what successive reads of the live
 * state return (the first is what the run decides on), so a message stored
 * during the run is one step.
 */
function harness(
  conversation: ConversationDocument,
  states: LiveState[],
  options: { requeue?: boolean; messages?: unknown[]; limits?: Partial<IdleThresholds> } = {},
) {
  const scheduled: { delayMs: number; mode: RescheduleMode }[] = [];
  const requeued: string[] = [];
  let reads = 0;
  const read = () => Promise.resolve(states[Math.min(reads++, states.length - 1)] ?? null);
  const found = options.messages ?? [];
  const counts = { messageReads: 0 };
  const latestVisible = () => {
    counts.messageReads += 1;
    return Promise.resolve(found);
  };
  const deps = {
    conversations: { load: () => Promise.resolve(conversation) },
    liveState: { read },
    messages: { latestVisible },
    broadcast: {},
    flags: { set: () => Promise.resolve(true), clear: () => Promise.resolve() },
    timers: {
      schedule: (_id: string, delayMs: number, mode: RescheduleMode) => {
        scheduled.push({ delayMs, mode });
        return Promise.resolve();
      },
    },
    thresholds: () => Promise.resolve({ ...limits, ...options.limits }),
    willEmailTranscript: () => false,
    ...(options.requeue
      ? {
          requeue: (conversation: ConversationDocument) => {
            requeued.push(conversation._id.toHexString());
            return Promise.resolve();
          },
        }
      : {}),
    metrics: { idleActions: { inc: () => undefined } },
    logger: { debug: () => undefined },
  } as unknown as IdleWorkerDeps;
  const run = idleProcessor(deps);
  return {
    scheduled,
    requeued,
    counts,
    run: (conversation: ConversationDocument) =>
      run({ data: { conversationId: conversation._id.toHexString() } } as unknown as Job),
  };
}

const assignedAt = new Date(Date.now() - 10_000);
const chat = (fields: Partial<ConversationDocument> = {}) =>
  ({
    _id: new Types.ObjectId(),
    status: 'active',
    agentId: new Types.ObjectId(),
    assignedAt,
    idle: null,
    ...fields,
  }) as unknown as ConversationDocument;

describe('idle processor', () => {
  it('arms nothing when nothing is due and the chat did not change during the run', async () => {
    const read = chat();
    const { run, scheduled } = harness(read, [live(), live()]);
    await run(read);
    // Nobody wrote yet: the first message arms the timer.
    expect(scheduled).toEqual([]);
  });

  it('looks again at once when a message landed between its read and its re-arm', async () => {
    const read = chat();
    // The customer's first message is stored while the run works: its reschedule (due in
    // the 1 s SLA) reaches BullMQ while the job is active, and a re-arm of the run would replace it.
    const { run, scheduled } = harness(read, [live(), live({ turn: 'customer', visibleSeq: 2, customerSeq: 2 })]);
    await run(read);
    expect(scheduled.at(-1)).toEqual({ delayMs: 0, mode: 'reset' });
  });

  it('keeps its re-arm when only the customer wrote more while the reply is due', async () => {
    const read = chat();
    const unanswered = [{ seq: 2, author: { kind: 'customer' }, createdAt: new Date() }];
    // The customer keeps writing in the agent's turn: no reschedule was made meanwhile, so the
    // run's re-arm (the reply's deadline) stands, and the next run waits for it.
    const { run, scheduled } = harness(
      read,
      [
        live({ turn: 'customer', visibleSeq: 2, customerSeq: 2 }),
        live({ turn: 'customer', visibleSeq: 9, customerSeq: 9 }),
      ],
      { messages: unanswered, limits: { agentReplyMs: 60_000 } },
    );
    await run(read);
    expect(scheduled).toEqual([{ delayMs: expect.closeTo(60_000, -3) as number, mode: 'reset' }]);
  });

  it('looks again when the customer wrote in their own turn, even if the agent answered again', async () => {
    const since = new Date(Date.now() - 1_000);
    const read = chat({ turn: { side: 'agent', since, seq: 4 }, lastSeq: 4 });
    // Read in the customer's turn; meanwhile they wrote and the agent answered: a new turn
    // with its own check-in, which the run's re-arm (timed from the old turn) replaced.
    const { run, scheduled } = harness(read, [
      live({ turn: 'agent', visibleSeq: 4, customerSeq: 3 }),
      live({ turn: 'agent', visibleSeq: 6, customerSeq: 5 }),
    ]);
    await run(read);
    expect(scheduled.at(-1)).toEqual({ delayMs: 0, mode: 'reset' });
  });

  it('does not requeue a chat the agent answered after the read; looks again instead', async () => {
    const read = chat({ idle: { reason: 'agent-unanswered', since: assignedAt } });
    const unanswered = live({ turn: 'customer', idle: 'agent-unanswered' });
    const answered = live({ turn: 'agent', visibleSeq: 3 });
    const messages = [{ _id: new Types.ObjectId(), author: { kind: 'customer' }, createdAt: assignedAt }];
    // One unanswered customer message, long past the SLA and the requeue threshold.
    const { run, scheduled, requeued } = harness(read, [unanswered, answered, answered], {
      requeue: true,
      messages,
      limits: { agentReplyMs: 1, requeueMs: 1 },
    });
    expect(await run(read)).toBe('requeue');
    expect(requeued).toEqual([]);
    expect(scheduled.at(-1)).toEqual({ delayMs: 0, mode: 'reset' });
  });

  it("takes the turn from the chat's document when it is current, and reads its messages when it may not be", async () => {
    const since = new Date(Date.now() - 1_000);
    const read = chat({ turn: { side: 'agent', since, seq: 4 }, lastSeq: 4 });
    const customersTurn = live({ turn: 'agent', visibleSeq: 4, customerSeq: 3 });
    const current = harness(read, [customersTurn, customersTurn]);
    await current.run(read);
    // Check-in due an hour after the reply that opened the turn, decided without the messages.
    expect(current.counts.messageReads).toBe(0);
    expect(current.scheduled).toEqual([{ delayMs: expect.closeTo(3_599_000, -3) as number, mode: 'reset' }]);
    // The customer wrote after the reply the document names: the messages are read.
    const behind = harness(read, [live({ turn: 'agent', visibleSeq: 6, customerSeq: 5 })]);
    await behind.run(read);
    expect(behind.counts.messageReads).toBe(1);
  });

  it("takes the agent's turn from the document too: the reply's deadline without the messages", async () => {
    const since = new Date(Date.now() - 1_000);
    const read = chat({ turn: { side: 'customer', since, seq: 4 }, lastSeq: 6 });
    const owed = live({ turn: 'customer', visibleSeq: 6, customerSeq: 6, agentSeq: 2 });
    const { run, scheduled, counts } = harness(read, [owed, owed], { limits: { agentReplyMs: 60_000 } });
    await run(read);
    expect(counts.messageReads).toBe(0);
    expect(scheduled).toEqual([{ delayMs: expect.closeTo(59_000, -3) as number, mode: 'reset' }]);
  });

  it('never times an offline-message chat', async () => {
    const read = chat({ offline: true, lastCustomerMessageAt: assignedAt });
    const { run, scheduled } = harness(read, [live({ offline: true }), live({ offline: true })]);
    expect(await run(read)).toBe('waiting');
    expect(scheduled).toEqual([]);
  });
});
