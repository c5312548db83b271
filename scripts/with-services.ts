/**
 * Runs a command with Redis and a MongoDB-wire server available:
 *   tsx scripts/with-services.ts [--data DIR] -- <command> [args...]
 * REDIS_URL / MONGODB_URI from the environment are used as they are; missing
 * ones are started on loopback (data in DIR, or a temp dir) and stopped when
 * the command exits or we are interrupted.
 */
import path from 'node:path';
import { ServiceUnavailableError, startServices } from './services/index.js';
import { startSupervised } from './services/supervised-process.js';

function parseArgs(argv: string[]): { dataDir: string | undefined; command: string[] } {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  const dataIndex = own.indexOf('--data');
  const dataDir = dataIndex === -1 ? undefined : own[dataIndex + 1];
  return { dataDir, command };
}

async function main(): Promise<number> {
  const { dataDir, command } = parseArgs(process.argv.slice(2));
  const services = await startServices(dataDir === undefined ? {} : { dataDir });
  const [program, ...args] = command;
  if (!program) {
    process.stderr.write(`REDIS_URL=${services.redisUrl}\nMONGODB_URI=${services.mongoUri}\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await services.stop();
    return 0;
  }
  // The command runs under the same guard as the services, so killing this
  // wrapper (even with SIGKILL) never leaves a server running on its own.
  const child = startSupervised(path.basename(program), program, args, {
    env: { ...process.env, REDIS_URL: services.redisUrl, MONGODB_URI: services.mongoUri },
  });
  // Let the command shut down gracefully first; services stop after it.
  let stopping = false;
  const stopCommand = () => {
    if (stopping) return;
    stopping = true;
    void child.stop(15_000);
  };
  process.on('SIGINT', stopCommand);
  process.on('SIGTERM', stopCommand);
  const code = (await child.exited) ?? 1;
  await services.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ServiceUnavailableError ? error.message : error instanceof Error ? error.stack : String(error);
    process.stderr.write(`[services] ERROR: ${message}\n`);
    process.exit(1);
  },
);
