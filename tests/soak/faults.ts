import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster } from '../cluster/cluster.js';

export type FaultKind = 'web-sigkill' | 'web-sigterm' | 'worker-sigkill' | 'redis-kill';
export const FAULT_KINDS: readonly FaultKind[] = ['web-sigkill', 'web-sigterm', 'worker-sigkill', 'redis-kill'];

export const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/**
 * Injects one fault and brings the cluster back: a web process SIGKILLed or
 * SIGTERMed then restarted on its port, the worker SIGKILLed then restarted,
 * or Redis kill -9'd for 3-6 s then restarted (with its AOF, as production
 * runs it). Resolves with a short description once everything is up again.
 */
export async function injectFault(cluster: Cluster, kind: FaultKind, random: () => number): Promise<string> {
  switch (kind) {
    case 'web-sigkill':
    case 'web-sigterm': {
      const node = pick(
        random,
        cluster.web.filter((candidate) => candidate.process),
      );
      const signal = kind === 'web-sigkill' ? 'SIGKILL' : 'SIGTERM';
      await cluster.killNode(node, signal);
      await sleep(2_000);
      await cluster.startNode(node);
      return `${signal} ${node.instanceId}`;
    }
    case 'worker-sigkill': {
      const node = pick(
        random,
        cluster.workers.filter((candidate) => candidate.process),
      );
      await cluster.killNode(node, 'SIGKILL');
      await sleep(1_000);
      await cluster.startNode(node);
      return `SIGKILL ${node.instanceId}`;
    }
    case 'redis-kill': {
      const downMs = 3_000 + Math.round(random() * 3_000);
      await cluster.killRedis('SIGKILL');
      await sleep(downMs);
      await cluster.restartRedis();
      return `kill -9 redis ${(downMs / 1000).toFixed(1)}s`;
    }
  }
}
