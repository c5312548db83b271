import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: more parallel files only makes the database the bottleneck.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'web-widget/src/**/*.test.{ts,tsx}',
            'agent-app/src/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/chaos/**', 'tests/soak/**', '**/node_modules/**'],
          // One Redis and one MongoDB-wire server for the whole run; every test
          // file gets its own database name and Redis key prefix.
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // expect.poll waits for real servers and a real browser; on a busy
          // two-core machine one second (vitest's default) is not enough.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
