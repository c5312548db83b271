import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClusterChat } from '../cluster/chat-traffic.js';
import { Cluster } from '../cluster/cluster.js';

/** Well past the bounded steps of `app.stop()` at a 2 s grace, well inside the test's timeout. */
const GIVE_UP_MS = 60_000;

/**
 * A deploy (or an operator) stops every process while Redis is gone for good.
 * Every shutdown step is bounded (app.ts), so each process still ends on its
 * own, through its clean path ("stopped"), not by a second signal or the
 * guard's SIGKILL. The soak once left processes that outlived SIGTERM with
 * Redis gone: this is the check that they do end.
 */
describe('SIGTERM while Redis is down', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({
      webProcesses: 2,
      workers: 1,
      env: { SHUTDOWN_GRACE_MS: '2000', LOG_LEVEL: 'info' },
    });
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('web processes with chats connected and the worker each stop cleanly', { timeout: 120_000 }, async () => {
    const chat = await openClusterChat(cluster);
    await cluster.killRedis();
    await sleep(1_000); // the processes have noticed: their Redis clients are reconnecting

    const nodes = [...cluster.web, ...cluster.workers];
    const outcomes = await Promise.all(
      nodes.map(async (node) => {
        const child = node.process!;
        const began = Date.now();
        process.kill(child.servicePid(), 'SIGTERM');
        const ended = await Promise.race([child.exited.then(() => true), sleep(GIVE_UP_MS).then(() => false)]);
        return { node, child, ended, seconds: (Date.now() - began) / 1000 };
      }),
    );
    chat.customer.disconnect();
    chat.desk.disconnect();
    for (const { node, child, ended, seconds } of outcomes) {
      const log = child.tail(200);
      const story = `${node.instanceId} after ${seconds.toFixed(1)} s:\n${log}`;
      expect(ended, `still running ${GIVE_UP_MS / 1000} s after SIGTERM; ${story}`).toBe(true);
      expect(log, story).toMatch(/"msg":"stopped"/);
      expect(log, story).not.toMatch(/second signal/);
      node.process = null;
    }
  });
});
