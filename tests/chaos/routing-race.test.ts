import { setTimeout as sleep } from 'node:timers/promises';
import type { AckResult, ConversationView } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';
import {
  createDepartment,
  eventually,
  openDesk,
  patientRequest,
  resetStartLimit,
  setStatus,
  startChat,
} from '../routing/routing-support.js';

/**
 * No chat assigned twice and no agent over capacity across two server
 * instances sharing one database and Redis namespace (as two processes of a
 * deployment): everything between them crosses Redis.
 */
describe('atomic assignment across two server processes', () => {
  let first: TestServer;
  let second: TestServer;
  const servers = () => [first, second] as const;
  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
  /**
   * Every socket a test opens, closed in afterAll even when the test failed
   * midway: left open, 200 customers keep reconnecting to stopped servers and
   * the run hangs instead of reporting the failure.
   */
  const opened: { disconnect(): void }[] = [];
  const track = <T extends { disconnect(): void }>(client: T): T => {
    opened.push(client);
    return client;
  };

  beforeAll(async () => {
    const namespace = uniqueNamespace(import.meta.filename);
    // 200 customers and 20 agents, all from 127.0.0.1: above the per-address connection limit and
    // event budget (the second test follows the first within the budget's ten seconds).
    const env = {
      ROUTING_QUEUE_DEBOUNCE: '500',
      ROUTING_SWEEP: '5s',
      SOCKETS_PER_ADDRESS: '100000',
      ADDRESS_EVENT_BUDGET: '1000000',
    };
    first = await startTestServer({ testFile: import.meta.filename, namespace, env });
    second = await startTestServer({ testFile: import.meta.filename, namespace, env });
  });
  afterAll(async () => {
    for (const client of opened) client.disconnect();
    await second.app.stop();
    await first.stop();
  });

  it('200 customers, 20 agents × 3 slots, agents coming online at random: no double assignment, no overload, FIFO', async () => {
    const { conversations } = first.app.services;
    const department = await createDepartment(first, { name: 'Race', topics: [{ key: 'race', labels: {} }] });
    const desks: TestAgentDesk[] = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        track(
          await openDesk(
            i % 2 === 0 ? first : second,
            { departmentIds: [department.id], languages: ['fr'], capacity: 3 },
            'offline',
          ),
        ),
      ),
    );
    const ids = desks.map((d) => d.principal.id);
    const shuffled = [...desks].sort(() => Math.random() - 0.5);
    const customers = Array.from({ length: 200 }, (_, i) => track(new TestCustomer(servers()[i % 2]!.url)));

    // Customers arrive in concurrent bursts on both servers while half the agents come online at random moments.
    const earlyAgents = (async () => {
      for (const d of shuffled.slice(0, 10)) {
        await sleep(Math.random() * 200);
        await setStatus(d, 'online');
      }
    })();
    const conversationIds: string[] = [];
    for (let burst = 0; burst < 20; burst += 1) {
      const batch = customers.slice(burst * 10, burst * 10 + 10);
      await resetStartLimit(first);
      const started = await Promise.all(
        batch.map(async (customer) => {
          await customer.connect();
          return (await startChat(customer, { ...defaultPrechat, topic: 'race' })).conversation.id;
        }),
      );
      conversationIds.push(...started);
    }
    await earlyAgents;
    await Promise.all(
      shuffled.slice(10).map(async (d) => {
        await sleep(Math.random() * 500);
        await setStatus(d, 'online');
      }),
    );

    const countActive = () => conversations.model.countDocuments({ _id: { $in: conversationIds }, status: 'active' });
    const assertInvariants = async () => {
      const perAgent = await Promise.all(
        ids.map((id) => conversations.model.countDocuments({ agentId: id, status: 'active' })),
      );
      expect(Math.max(...perAgent)).toBeLessThanOrEqual(3);
      return perAgent;
    };

    await eventually(async () => (await countActive()) === 60, 90_000);
    expect(await assertInvariants()).toEqual(ids.map(() => 3));

    // Every slot taken, none beyond. Then free every slot at once (on both processes): the freed
    // slots go to exactly the oldest chats still waiting (FIFO), and the invariants still hold.
    const active = await conversations.model.find({ _id: { $in: conversationIds }, status: 'active' }).lean();
    const stillQueued = await conversations.model
      .find({ _id: { $in: conversationIds }, status: 'queued' })
      .sort({ queuedAt: 1 })
      .lean();
    expect(stillQueued).toHaveLength(140);
    const expectedNext = stillQueued.slice(0, 60).map((c) => c._id.toHexString());
    // Ten at a time: FerretDB's SQLite backend answers SQLITE_BUSY to sixty simultaneous writers.
    for (let index = 0; index < active.length; index += 10) {
      await Promise.all(
        active
          .slice(index, index + 10)
          .map((conversation) => pick(servers()).app.services.conversations.close(conversation, { kind: 'system' })),
      );
    }
    await eventually(
      async () => (await conversations.model.countDocuments({ _id: { $in: expectedNext }, status: 'active' })) === 60,
      90_000,
    );
    expect(await assertInvariants()).toEqual(ids.map(() => 3));
    expect(await countActive()).toBe(60);

    // Through the events: no customer was told of two agents, or of one assignment twice.
    for (const customer of customers) {
      const agentsSeen = new Set(
        customer.events
          .filter((e) => e.event === 'conversation.updated')
          .map((e) => (e.payload as ConversationView).agent?.id)
          .filter(Boolean),
      );
      expect(agentsSeen.size).toBeLessThanOrEqual(1);
      const announced = customer.received.filter((m) => m.system?.event === 'conversation.assigned');
      expect(new Set(announced.map((m) => m.id)).size).toBeLessThanOrEqual(1);
    }
    // And no two desks were handed the same conversation.
    const owners = new Map<string, string>();
    for (const d of desks) {
      for (const e of d.events) {
        const view = e.payload as ConversationView;
        if (e.event !== 'conversation.updated' || view.agent?.id !== d.principal.id) continue;
        expect(owners.get(view.id) ?? d.principal.id).toBe(d.principal.id);
        owners.set(view.id, d.principal.id);
      }
    }
    for (const d of desks) {
      await setStatus(d, 'offline');
      d.disconnect();
    }
    for (const customer of customers) customer.disconnect();
  }, 240_000);

  it('two agents on different processes pick the same chat 50 times: exactly one wins each time', async () => {
    const department = await createDepartment(first, { name: 'Pickup', topics: [{ key: 'pickup', labels: {} }] });
    // Away: routing leaves their chats alone, but they may still take one by hand.
    const fields = { departmentIds: [department.id], languages: ['fr' as const], capacity: 50 };
    const onFirst = track(await openDesk(first, fields, 'away'));
    const onSecond = track(await openDesk(second, fields, 'away'));
    // Fifty waiting chats first (both agents are away, so routing leaves them), then fifty races.
    const waiting: string[] = [];
    const customers: TestCustomer[] = [];
    for (let burst = 0; burst < 5; burst += 1) {
      await resetStartLimit(first);
      waiting.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async (_, i) => {
            const customer = track(new TestCustomer(servers()[i % 2]!.url));
            customers.push(customer);
            await customer.connect();
            return (await startChat(customer, { ...defaultPrechat, topic: 'pickup' })).conversation.id;
          }),
        )),
      );
    }
    const wins = { [onFirst.principal.id]: 0, [onSecond.principal.id]: 0 };
    for (const conversationId of waiting) {
      const results = await Promise.all(
        [onFirst, onSecond].map((d) => patientRequest<ConversationView>(d, 'conversation.pickup', { conversationId })),
      );
      const winners = results.filter((result): result is AckResult<ConversationView> & { ok: true } => result.ok);
      expect(winners).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const stored = await first.app.services.conversations.load(conversationId);
      expect(stored?.agentId?.toHexString()).toBe(winners[0]!.data.agent?.id);
      wins[winners[0]!.data.agent!.id]! += 1;
    }
    for (const customer of customers) customer.disconnect();
    expect(wins[onFirst.principal.id]! + wins[onSecond.principal.id]!).toBe(50);
    // Never over capacity either: each agent holds exactly what they won.
    for (const d of [onFirst, onSecond]) {
      expect(
        await first.app.services.conversations.model.countDocuments({ agentId: d.principal.id, status: 'active' }),
      ).toBe(wins[d.principal.id]);
      d.disconnect();
    }
  }, 120_000);
});
