/**
 * Entry point of a workers-only process: `pnpm worker` / `node dist/worker.js`.
 * The same server with PROCESS_ROLE=worker (background jobs; its HTTP port,
 * WORKER_PORT or 3001, serves only health and metrics — keep it out of the
 * load balancer), against the REDIS_URL and MONGODB_URI of the environment.
 * Start as many as needed: BullMQ hands each job to one of them.
 */
process.env.PROCESS_ROLE = 'worker';
process.env.PORT = process.env.WORKER_PORT ?? '3001';
await import('./main.js');
