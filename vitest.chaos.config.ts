import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:chaos`: the scenarios that take more than about a minute:
 * the fault scenarios, each against its own cluster from tests/cluster (real
 * server processes, nginx, Redis and the database, all started and killed by the
 * test itself), the two-process messaging run through nginx and the routing race
 * (in-process servers on the shared services of tests/support/global-setup.ts).
 * One file at a time: every file already runs several processes on two cores.
 */
export default defineConfig({
  test: {
    name: 'chaos',
    include: ['tests/chaos/**/*.test.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/support/global-setup.ts'],
    expect: { poll: { timeout: 15_000 } },
  },
});
