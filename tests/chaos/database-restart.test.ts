import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClusterChat, reconnectThrough, sendReliably, singleFlight } from '../cluster/chat-traffic.js';
import { Cluster } from '../cluster/cluster.js';
import { waitFor } from '../cluster/managed-process.js';
import { AckLedger, checkOracle } from '../cluster/oracle.js';

/**
 * The database server stops while both sides keep sending: acks are refused
 * with the retryable STORE_UNAVAILABLE (never a success for something not
 * stored, never a broadcast of it), and once the database is back every
 * retry (same clientMessageId) lands exactly once.
 */
describe('database stopped and restarted under traffic', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({ webProcesses: 2, workers: 1 });
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('refuses retryably while down, then stores each retry once', async () => {
    const chat = await openClusterChat(cluster);
    chat.customer.ackTimeoutMs = chat.desk.ackTimeoutMs = 30_000;
    const ledger = new AckLedger();
    const refusals: string[] = [];
    const options = (participant: typeof chat.customer | typeof chat.desk) => ({
      ledger,
      onRefusal: (code: string) => refusals.push(code),
      reconnect: singleFlight(() => reconnectThrough(cluster, participant)),
      deadlineMs: 180_000,
    });
    const customerOptions = options(chat.customer);
    const deskOptions = options(chat.desk);

    const receivedBefore = chat.desk.received.length + chat.customer.received.length;
    await cluster.stopDatabase();
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i += 1) {
      sends.push(sendReliably(chat.customer, chat.conversationId, `customer ${i}`, customerOptions));
      sends.push(sendReliably(chat.desk, chat.conversationId, `agent ${i}`, deskOptions));
      await sleep(100);
    }
    // Bounded: the first refusals prove the outage is answered, not hung.
    await waitFor('a refusal while the database is down', () => refusals.length >= 2, 60_000);
    const receivedDuringOutage = chat.desk.received.length + chat.customer.received.length - receivedBefore;
    await cluster.restartDatabase();
    await Promise.all(sends);

    expect(new Set(refusals)).toEqual(new Set(['STORE_UNAVAILABLE']));
    // Nothing that could not be stored was broadcast.
    expect(receivedDuringOutage).toBe(0);
    const problems = await checkOracle(cluster, {
      participants: [chat.customer, chat.desk],
      conversationIds: [chat.conversationId],
      acks: ledger,
    });
    expect(problems, cluster.logs()).toEqual([]);
    const bodies = chat.desk.bodies(chat.conversationId);
    for (let i = 0; i < 10; i += 1) {
      expect(bodies.filter((body) => body === `customer ${i}`)).toHaveLength(1);
      expect(bodies.filter((body) => body === `agent ${i}`)).toHaveLength(1);
    }
    expect(cluster.crashed(), cluster.logs()).toEqual([]);
    chat.customer.disconnect();
    chat.desk.disconnect();
  });
});
