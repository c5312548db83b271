import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../infra/logger.js';
import { GENERAL_QUEUE } from './queue-keys.js';
import { createRouter, type RouterDeps } from './router.js';

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
