import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../cluster/cluster.js';
import type { TestCustomer } from '../support/customer-client.js';

/**
 * The load balancer takes restarted processes back at once. With nginx's
 * `max_fails`, a backend that refused one connection was marked down, and
 * nginx clears that mark only when a request to it ends well; a WebSocket
 * ends when its customer leaves. So once every process had been restarted
 * and had taken one long-lived socket, nearly every new handshake got a 502
 * ("no live upstreams") for as long as those sockets lived: the soak stalled
 * for minutes with every process up and idle.
 */
describe('the load balancer after every process was restarted', () => {
  let cluster: Cluster;
  const customers: TestCustomer[] = [];

  beforeAll(async () => {
    cluster = await Cluster.start({ webProcesses: 2, workers: 0 });
  });
  afterAll(async () => {
    for (const customer of customers) customer.disconnect();
    await cluster.stop();
  });

  const handshakeStatuses = (count: number) =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const response = await fetch(`${cluster.url}/socket.io/?EIO=4&transport=polling`);
        await response.arrayBuffer();
        return response.status;
      }),
    );

  it('sends new handshakes to every live process, none answered 502', async () => {
    for (const node of cluster.web) {
      await cluster.killNode(node, 'SIGKILL');
      // Handshakes while it is down: some are sent to it, refused, and retried on the other.
      expect((await handshakeStatuses(10)).filter((status) => status === 502)).toEqual([]);
      await cluster.startNode(node);
      await sleep(3_500); // past any fail_timeout, so that nginx would try it again
      // Sockets that stay open, some of them on the restarted process.
      for (let i = 0; i < 4; i += 1) {
        const customer = cluster.customer({ transports: ['websocket'] });
        await customer.connect();
        customers.push(customer);
      }
    }

    const statuses = await handshakeStatuses(40);
    expect(statuses.filter((status) => status === 502)).toEqual([]);
  });
});
