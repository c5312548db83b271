import type { ConversationStarted, ConversationView } from '@switchboard/shared';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, type TestCustomer } from '../support/customer-client.js';
import { instanceOf } from '../cluster/chat-traffic.js';
import { Cluster } from '../cluster/cluster.js';
import { AckLedger, checkOracle } from '../cluster/oracle.js';

const ROUNDS = 100;
/** Chats started (and later closed) per batch: the per-address start limit allows 30 a minute. */
const BATCH = 20;

/** Exactly one winner when two agents on different processes pick up the same waiting chat at once, 100 times. */
describe('two agents pick up the same chat on different processes', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({ webProcesses: 2, workers: 1 });
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it(`exactly one wins, ${ROUNDS} times`, { timeout: 600_000 }, async () => {
    const department = await cluster.createDepartment({ name: 'race', topics: [{ key: 'race', labels: {} }] });
    const fields = { departmentIds: [department.id], languages: ['fr' as const], capacity: BATCH };
    const first = await cluster.openDesk(fields);
    const second = await cluster.openDesk(fields);
    while (instanceOf(second) === instanceOf(first)) {
      second.disconnect();
      await second.connect(cluster.url);
    }
    const desks: TestAgentDesk[] = [first, second];
    // Away: nothing is routed to them automatically, but they may take chats by hand.
    for (const desk of desks) {
      desk.ackTimeoutMs = 60_000;
      expect(await desk.request('agent.status.set', { status: 'away' })).toMatchObject({ ok: true });
    }

    const customers: TestCustomer[] = [];
    const conversationIds: string[] = [];
    const wins = [0, 0];
    for (let batch = 0; batch < ROUNDS / BATCH; batch += 1) {
      await cluster.resetRateLimits();
      const started = await Promise.all(
        Array.from({ length: BATCH }, async () => {
          const customer = cluster.customer();
          customer.ackTimeoutMs = 60_000;
          await customer.connect();
          customers.push(customer);
          const result = await customer.request<ConversationStarted>('conversation.start', {
            prechat: { ...defaultPrechat, topic: 'race' },
          });
          if (!result.ok) throw new Error(`start: ${result.error.code}`);
          customer.log(result.data.conversation.id);
          return result.data.conversation.id;
        }),
      );
      conversationIds.push(...started);

      const taken: [TestAgentDesk, string][] = [];
      for (const conversationId of started) {
        const results = await Promise.all(
          desks.map((desk) => desk.request<ConversationView>('conversation.pickup', { conversationId })),
        );
        const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
        expect(winners, JSON.stringify(results)).toHaveLength(1);
        for (const result of results) if (!result.ok) expect(result.error.code).toBe('CONFLICT');
        const winner = desks[winners[0]!]!;
        wins[winners[0]!]! += 1;
        winner.log(conversationId);
        taken.push([winner, conversationId]);
      }
      const db = await cluster.db();
      for (const [winner, conversationId] of taken) {
        const stored = await db
          .collection<{ agentId: Types.ObjectId | null }>('conversations')
          .findOne({ _id: new Types.ObjectId(conversationId) });
        expect(stored?.agentId?.toHexString()).toBe(winner.principal.id);
      }
      // Free the slots for the next batch.
      await Promise.all(
        taken.map(async ([winner, conversationId]) =>
          expect(await winner.request('conversation.close', { conversationId, disposition: 'resolved' })).toMatchObject(
            { ok: true },
          ),
        ),
      );
    }
    // Which process wins is up to the race; either way exactly one did, every round.
    expect(wins[0]! + wins[1]!).toBe(ROUNDS);

    const problems = await checkOracle(cluster, {
      participants: [...customers, ...desks],
      conversationIds,
      acks: new AckLedger(),
    });
    expect(problems, cluster.logs()).toEqual([]);
    for (const participant of [...customers, ...desks]) participant.disconnect();
  });
});
