import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../routing/routing-support.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { createAgent } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { request } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { clientEventNames } from './client-events.js';
import { agentEventSpecs, customerEventSpecs, type EventSpec, type Targets } from './event-specs.js';
import { caseArbitrary, emitCase, problemWith } from './fuzz-cases.js';
import { countDocuments, retainedHeapBytes } from './server-state.js';

/** 35 events × 250 ≈ 8,750 socket cases; tests/fuzz/raw-packets.test.ts adds the raw-frame cases. */
const CASES_PER_EVENT = Number(process.env.FUZZ_CASES_PER_EVENT ?? 250);
const WARM_UP_CASES_PER_EVENT = 20;
/** Generous: the point is "not growing with the number of cases", not a budget. */
const HEAP_GROWTH_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Bad input never hurts: random and malformed payloads for every client event
 * of both namespaces, from a customer with a chat of their own and a plain
 * agent, all aimed at other people's conversations. Every ack must be a typed
 * error (or an allowed read), nothing may be stored, and the server must stay
 * up.
 */
describe('protocol fuzz: every client event of /customer and /agent', () => {
  let server: TestServer;
  let fuzzCustomer: TestCustomer;
  let fuzzAgent: TestAgentDesk;
  let victim: TestCustomer;
  let targets: Targets;
  let storedBefore: Record<string, number>;
  let heapAfterWarmUp = 0;
  let casesRun = 0;

  const namespaces = () =>
    [
      { name: 'customer', socket: fuzzCustomer.socket, specs: customerEventSpecs as Record<string, EventSpec> },
      { name: 'agent', socket: fuzzAgent.socket, specs: agentEventSpecs as Record<string, EventSpec> },
    ] as const;

  async function fuzz(socket: Socket, event: string, spec: EventSpec, numRuns: number): Promise<void> {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(event, spec, targets), async (fuzzCase) => {
        casesRun += 1;
        const ack = await emitCase(socket, fuzzCase);
        if (ack === undefined) {
          // No callback to answer: the server must stay silent and keep serving this socket.
          expect(await request(socket, 'system.ping', { sentAt: 1 })).toMatchObject({ ok: true });
        } else {
          expect(problemWith(spec, fuzzCase.args, ack), JSON.stringify(ack).slice(0, 300)).toBeNull();
        }
        expect(socket.connected).toBe(true);
      }),
      { numRuns, endOnFailure: true },
    );
  }

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      // Thousands of cases on one socket in seconds is a flood, answered RATE_LIMITED before any
      // parsing (tests/security/flood.test.ts); this test is about what each payload gets.
      env: { VISITOR_EVENT_BUDGET: '10000000', AGENT_EVENT_BUDGET: '10000000', ADDRESS_EVENT_BUDGET: '10000000' },
    });
    const theirs = await createDepartment(server, { name: 'Theirs', topics: [{ key: 'theirs', labels: { en: 'T' } }] });
    const ours = await createDepartment(server, { name: 'Ours', topics: [{ key: 'ours', labels: { en: 'O' } }] });
    const theirAgent = await createAgent(server, { departmentIds: [theirs.id] });

    victim = new TestCustomer(server.url);
    await victim.connect();
    const { conversation } = await victim.start({ topic: 'theirs', language: 'en', name: 'Victim' });
    expect((await victim.send(conversation.id, 'my private message')).ok).toBe(true);

    fuzzCustomer = new TestCustomer(server.url);
    await fuzzCustomer.connect();
    await fuzzCustomer.start({ topic: 'ours', language: 'en', name: 'Fuzzer' });
    // A plain agent of another department, left offline so no chat is routed to it.
    fuzzAgent = await TestAgentDesk.open(server, { departmentIds: [ours.id] });

    targets = {
      conversationIds: [conversation.id],
      agentIds: [theirAgent.agent.id, fuzzAgent.principal.id],
      departmentIds: [theirs.id, ours.id],
    };

    for (const { socket, specs } of namespaces()) {
      for (const [event, spec] of Object.entries(specs)) await fuzz(socket, event, spec, WARM_UP_CASES_PER_EVENT);
    }
    heapAfterWarmUp = retainedHeapBytes();
    storedBefore = await countDocuments(server);
  }, 180_000);

  afterAll(async () => {
    victim.disconnect();
    fuzzCustomer.disconnect();
    fuzzAgent.disconnect();
    await server.stop();
  });

  it('has an arbitrary for every client event of the shared event maps, and no stale ones', () => {
    expect(Object.keys(customerEventSpecs).sort()).toEqual(clientEventNames('customer'));
    expect(Object.keys(agentEventSpecs).sort()).toEqual(clientEventNames('agent'));
  });

  for (const name of ['customer', 'agent'] as const) {
    it(`answers every /${name} case with a typed error or an allowed read, and keeps the socket`, async () => {
      const { socket, specs } = namespaces().find((namespace) => namespace.name === name)!;
      for (const [event, spec] of Object.entries(specs)) await fuzz(socket, event, spec, CASES_PER_EVENT);
    }, 600_000);
  }

  it('stored nothing, stays ready, serves a normal chat and holds its memory', async () => {
    expect(casesRun).toBeGreaterThanOrEqual(35 * (CASES_PER_EVENT + WARM_UP_CASES_PER_EVENT));
    expect(await countDocuments(server)).toEqual(storedBefore);
    const [victimConversation] = victim.logs.keys();
    expect(victim.written(victimConversation!)).toEqual(['my private message']);
    await victim.sync();
    expect(victim.written(victimConversation!)).toEqual(['my private message']);
    const stored = await server.app.services.conversations.load(victimConversation!);
    expect(stored).toMatchObject({ status: 'queued', lastSeq: 2 }); // the welcome line, then the message
    expect(stored?.agentId).toBeFalsy();
    expect((await server.app.services.agents.getById(fuzzAgent.principal.id))?.status).toBe('offline');

    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const newcomer = new TestCustomer(server.url);
    await newcomer.connect();
    const { conversation } = await newcomer.start({ topic: 'ours', language: 'fr', name: 'Marie' });
    expect(await newcomer.send(conversation.id, 'Bonjour, tout va bien ?')).toMatchObject({ ok: true });
    newcomer.disconnect();

    const growth = retainedHeapBytes() - heapAfterWarmUp;
    expect(growth).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
  });
});
