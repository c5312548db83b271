import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:chaos`: the fault scenarios of tests/chaos (issue 9), each
 * against its own cluster from tests/cluster (real server processes, nginx,
 * Redis and the database, all started and killed by the test itself). One
 * file at a time: every file already runs several processes on two cores.
 */
export default defineConfig({
  test: {
    name: 'chaos',
    include: ['tests/chaos/**/*.test.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
