import { ConfigError, loadConfig } from './config/config.js';
import { createApp } from './app.js';
import { DEMO_PASSWORD, demoSignIns } from './agents/agent-bootstrap.js';
import { startBanner } from './start-banner.js';

/** Entry point: `node dist/main.js` (what `pnpm start` runs inside scripts/with-services.ts). */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen();
  if (config.PROCESS_ROLE === 'worker') {
    // tests/jobs wait for this line before counting on the worker.
    process.stdout.write(`\n  Switchboard worker running (background jobs); health: ${app.url}/readyz\n\n`);
  } else {
    const demo = config.NODE_ENV === 'development' ? await demoSignIns(app.services.agents) : [];
    process.stdout.write(startBanner({ url: app.url, demoSignIns: demo, demoPassword: DEMO_PASSWORD }));
  }

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      app.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    app.logger.info({ signal }, 'signal received');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // A stray rejection inside a library (e.g. a Redis command flushed during an
  // outage) must not drop every connected chat; log it loudly instead.
  process.on('unhandledRejection', (reason) => app.logger.error({ err: reason }, 'unhandled rejection'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
  } else {
    process.stderr.write(
      `Switchboard failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
