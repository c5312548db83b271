import { setTimeout as sleep } from 'node:timers/promises';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestParticipant } from '../support/participant.js';
import {
  openClusterChat,
  reconnectThrough,
  sendReliably,
  steadyTraffic,
  type ClusterChat,
} from '../cluster/chat-traffic.js';
import { Cluster } from '../cluster/cluster.js';
import { waitFor } from '../cluster/managed-process.js';
import { AckLedger, checkOracle } from '../cluster/oracle.js';

const NUDGE = 'customer.idle-nudge';

/**
 * Redis (with its append-only file, as in production) is SIGKILLed for 3 s
 * while a chat runs across two processes. No process crashes, every send
 * succeeds or fails retryably and lands once when retried, live delivery
 * resumes after the restart, and an idle timer due meanwhile fires once.
 */
describe('Redis killed and restarted under cross-process traffic', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({
      webProcesses: 2,
      workers: 1,
      redisAppendOnly: true,
      // The timer first wakes at the reply SLA (2 s), sees the agent answered and
      // re-arms itself for the check-in, 10 s after the agent's reply: after the outage.
      env: { AGENT_REPLY_SLA: '2s', CUSTOMER_IDLE_NUDGE: '10s', CUSTOMER_IDLE_CLOSE: '1h' },
    });
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('keeps every promise across a 3 s outage', async () => {
    const busy = await openClusterChat(cluster);
    await cluster.resetRateLimits();
    const quiet = await openClusterChat(cluster, { prechat: { email: 'q@example.com' } });
    for (const chat of [busy, quiet]) chat.customer.ackTimeoutMs = chat.desk.ackTimeoutMs = 30_000;
    // The quiet chat waits on its customer: its check-in is due ~10 s later, across the outage.
    const ledger = new AckLedger();
    const send = (
      participant: TestParticipant & { connect(url: string): Promise<void> },
      chat: ClusterChat,
      body: string,
    ) =>
      sendReliably(participant, chat.conversationId, body, {
        ledger,
        reconnect: () => reconnectThrough(cluster, participant),
      });
    await send(quiet.customer, quiet, 'Is my order on its way?');
    await send(quiet.desk, quiet, 'Let me check, one moment.');
    await sleep(3_500); // the timer re-armed at 2 s, and AOF's once-a-second fsync has it on disk

    let outage: Promise<void> = Promise.resolve();
    const refusals: string[] = [];
    await steadyTraffic(cluster, busy, {
      ledger,
      count: 100,
      perSecond: 20,
      onRefusal: (code) => refusals.push(code),
      at: (i) => {
        if (i !== 20) return;
        outage = (async () => {
          await cluster.killRedis('SIGKILL');
          await sleep(3_000);
          await cluster.restartRedis();
        })();
      },
    });
    await outage;
    expect(cluster.crashed(), cluster.logs()).toEqual([]);

    // Live delivery across processes works again (bounded wait, generous for a loaded box).
    const after = await send(busy.customer, busy, 'after the outage');
    await busy.desk.waitFor(() => busy.desk.received.some((m) => m.id === after.message.id), 30_000);

    // The check-in fires, once.
    const db = await cluster.db();
    const nudges = () =>
      db.collection('messages').countDocuments({
        conversationId: new Types.ObjectId(quiet.conversationId),
        'system.event': NUDGE,
      });
    await waitFor('the idle check-in', async () => (await nudges()) >= 1, 60_000);
    await sleep(3_000); // room for a duplicate to show up
    expect(await nudges()).toBe(1);

    const problems = await checkOracle(cluster, {
      participants: [busy.customer, busy.desk, quiet.customer, quiet.desk],
      conversationIds: [busy.conversationId, quiet.conversationId],
      acks: ledger,
    });
    expect(problems, cluster.logs()).toEqual([]);
    for (const chat of [busy, quiet]) {
      expect(chat.customer.received.filter((m) => m.system?.event === NUDGE).length).toBeLessThanOrEqual(1);
      chat.customer.disconnect();
      chat.desk.disconnect();
    }
    // Whatever was refused was refused retryably (sendReliably throws otherwise).
    expect(
      refusals.every((code) => ['STORE_UNAVAILABLE', 'RATE_LIMITED', 'UNAVAILABLE', 'TIMEOUT'].includes(code)),
      refusals.join(),
    ).toBe(true);
  });
});
