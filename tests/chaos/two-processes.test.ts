import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketTransport } from '../support/socket-client.js';
import { instanceOf, openClusterChat, sendReliably } from '../cluster/chat-traffic.js';
import { Cluster } from '../cluster/cluster.js';
import { AckLedger, checkOracle } from '../cluster/oracle.js';

/**
 * The message path across processes, for real: two `node server/dist/main.js`
 * processes and a worker behind nginx; routing assigns the chat; customer and
 * agent sit on different processes and exchange 100 messages each way; every
 * history is identical, over websockets and over long-polling only (sticky
 * sessions by sid).
 */
describe('two server processes behind nginx', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({ webProcesses: 2, workers: 1 });
  }, 180_000);
  afterAll(async () => {
    await cluster.stop();
  });

  const cases: [string, SocketTransport[]][] = [
    ['websocket', ['websocket']],
    ['long-polling only', ['polling']],
  ];
  it.each(cases)(
    '%s: 100 messages each way, identical ordered histories everywhere',
    { timeout: 180_000 },
    async (_, transports) => {
      const chat = await openClusterChat(cluster, { transports });
      expect(instanceOf(chat.customer)).not.toBe(instanceOf(chat.desk));
      if (transports[0] === 'polling') expect(chat.customer.socket.io.engine.transport.name).toBe('polling');

      const ledger = new AckLedger();
      const noReconnect = () => Promise.reject(new Error('socket dropped without a fault'));
      chat.customer.ackTimeoutMs = chat.desk.ackTimeoutMs = 60_000;
      const sends: Promise<unknown>[] = [];
      for (let i = 0; i < 100; i += 1) {
        sends.push(
          sendReliably(chat.customer, chat.conversationId, `customer ${i}`, { ledger, reconnect: noReconnect }),
        );
        sends.push(sendReliably(chat.desk, chat.conversationId, `agent ${i}`, { ledger, reconnect: noReconnect }));
      }
      await Promise.all(sends);
      // Live delivery alone must bring every message (catch-up is the oracle's, after this).
      await chat.customer.waitFor(() => chat.customer.log(chat.conversationId).size >= 201, 30_000);
      await chat.desk.waitFor(() => chat.desk.log(chat.conversationId).size >= 201, 30_000);

      const problems = await checkOracle(cluster, {
        participants: [chat.customer, chat.desk],
        conversationIds: [chat.conversationId],
        acks: ledger,
      });
      expect(problems).toEqual([]);
      const customerOrder = chat.customer.bodies(chat.conversationId).filter((body) => body.startsWith('customer '));
      expect(customerOrder).toEqual(Array.from({ length: 100 }, (_, i) => `customer ${i}`));
      expect(chat.desk.bodies(chat.conversationId)).toEqual(chat.customer.bodies(chat.conversationId));
      chat.customer.disconnect();
      chat.desk.disconnect();
    },
  );
});
