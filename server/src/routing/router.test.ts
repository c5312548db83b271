import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../infra/logger.js';
import type { Capacity } from './capacity.js';
import { GENERAL_QUEUE } from './queue-keys.js';
import { createRouter, type RouterDeps } from './router.js';
import type { Reservation } from './routing-state.js';

/** A router whose queue is always empty: each pass is one claim, counted. */
function countingRouter() {
  const counts = { claims: 0 };
  const deps = {
    logger: { error: () => undefined, warn: () => undefined } as unknown as Logger,
    state: {
      claim: () => {
        counts.claims += 1;
        return Promise.resolve({ reservations: [], retryInMs: null });
      },
    },
    generalLanguageFallbackSeconds: 60,
  } as unknown as RouterDeps;
  return { router: createRouter(deps), counts };
}

describe('router kicks', () => {
  // A chat enqueued while a pass is ending must still be routed: its kick either makes the
  // running pass go round once more or starts a new one. A kick landing between the last
  // look at "again" and the pass being forgotten was lost, and the chat waited for the sweep.
  it('never loses a kick made while a pass is finishing, whatever the moment', async () => {
    for (let hops = 0; hops < 12; hops += 1) {
      const { router, counts } = countingRouter();
      void router.kick(GENERAL_QUEUE);
      for (let hop = 0; hop < hops; hop += 1) await Promise.resolve();
      void router.kick(GENERAL_QUEUE);
      await sleep(5);
      expect({ hops, claims: counts.claims }).toEqual({ hops, claims: 2 });
      await router.stop();
    }
  });
});

/** A router whose every claim reserves one chat and whose assignment writes wait until released. */
function slowWritingRouter() {
  const counts = { claims: 0, written: 0 };
  const releases: (() => void)[] = [];
  const reservation = (n: number): Reservation => ({
    conversationId: `chat-${n}`,
    agentId: 'agent',
    displayName: 'Agent',
    avatarUrl: null,
    queue: GENERAL_QUEUE,
    score: n,
    info: '|0|',
    previousLast: '0',
  });
  const deps = {
    logger: { error: () => undefined, warn: () => undefined } as unknown as Logger,
    clock: { now: () => new Date() },
    state: {
      claim: () => {
        counts.claims += 1;
        return Promise.resolve({ reservations: [reservation(counts.claims)], retryInMs: null });
      },
      commit: () => Promise.resolve({ load: 1, capacity: 5 }),
    },
    conversations: {
      assign: async () => {
        await new Promise<void>((release) => releases.push(release));
        counts.written += 1;
        return {};
      },
    },
    capacity: { loadChanged: () => undefined } as unknown as Capacity,
    onAssigned: () => undefined,
    generalLanguageFallbackSeconds: 60,
  } as unknown as RouterDeps;
  return { router: createRouter(deps), counts, releaseAll: () => releases.splice(0).forEach((release) => release()) };
}

describe('router writes', () => {
  // A pass used to wait for its slowest assignment write before the next arrival was claimed,
  // so under load every chat waited for the writes of the chats before it.
  it('claims a chat that arrives while earlier assignments are still being written', async () => {
    const { router, counts, releaseAll } = slowWritingRouter();
    const first = router.kick(GENERAL_QUEUE);
    await sleep(5);
    const second = router.kick(GENERAL_QUEUE);
    await sleep(5);
    expect(counts).toEqual({ claims: 2, written: 0 });
    releaseAll();
    await Promise.all([first, second]);
    expect(counts).toEqual({ claims: 2, written: 2 });
    await router.stop();
  });

  it('resolves a kick only when what it claimed is written, and stops after the writes', async () => {
    const { router, counts, releaseAll } = slowWritingRouter();
    let settled = false;
    void router.kick(GENERAL_QUEUE).then(() => (settled = true));
    await sleep(5);
    expect(settled).toBe(false);
    const stopped = router.stop();
    releaseAll();
    await stopped;
    expect({ settled, written: counts.written }).toEqual({ settled: true, written: 1 });
  });
});
