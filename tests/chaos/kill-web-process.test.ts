import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceOf, openClusterChat, steadyTraffic } from '../cluster/chat-traffic.js';
import { Cluster } from '../cluster/cluster.js';
import { AckLedger, checkOracle } from '../cluster/oracle.js';

/**
 * No message lost or shown twice when a process fails: the web process
 * holding the customer's socket dies (SIGKILL) or is stopped (SIGTERM) while
 * the chat runs at 20 msg/s. The customer reconnects through nginx to another
 * process, retries unacknowledged sends with the same ids and catches up; the
 * oracle holds.
 */
describe('a web process dies under a live chat', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({ webProcesses: 2, workers: 1 });
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it.each(['SIGKILL', 'SIGTERM'] as const)('%s of the customer’s process at 20 msg/s', async (signal) => {
    const chat = await openClusterChat(cluster);
    // Patient acks (a loaded two-core box); a dropped socket resends at once anyway.
    chat.customer.ackTimeoutMs = chat.desk.ackTimeoutMs = 30_000;
    const victim = cluster.web.find((node) => node.instanceId === instanceOf(chat.customer))!;
    const ledger = new AckLedger();
    const refusals: string[] = [];

    await steadyTraffic(cluster, chat, {
      ledger,
      count: 120,
      perSecond: 20,
      onRefusal: (code) => refusals.push(code),
      at: async (i) => {
        if (i === 40) await cluster.killNode(victim, signal);
      },
    });
    expect(instanceOf(chat.customer)).not.toBe(victim.instanceId);

    const problems = await checkOracle(cluster, {
      participants: [chat.customer, chat.desk],
      conversationIds: [chat.conversationId],
      acks: ledger,
    });
    expect(problems, cluster.logs()).toEqual([]);
    // Every message of the run is there once, whichever process stored it.
    const bodies = chat.customer.bodies(chat.conversationId);
    for (let i = 0; i < 120; i += 1) expect(bodies.filter((b) => b === `customer ${i}`)).toHaveLength(1);
    // A graceful stop never refuses work outright; a crash at most makes sends retry.
    expect(refusals.filter((code) => code !== 'STORE_UNAVAILABLE')).toEqual([]);

    await cluster.startNode(victim);
    chat.customer.disconnect();
    chat.desk.disconnect();
  });
});
