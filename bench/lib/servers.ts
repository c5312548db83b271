/**
 * Starting the measured processes: Switchboard exactly as deployed
 * (`node server/dist/main.js`, production mode) and the relay baseline,
 * each with the probe preloaded (bench/lib/probe.ts), plus the REST calls
 * that create the agents a scenario needs.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/services/ports.js';
import { PROBE_IMPORTS, RESULTS_DIR, ROOT, startNode, type Started } from './procs.js';

export interface Server extends Started {
  url: string;
  /** Redis key prefix (Switchboard: unique per process start; relay: none). */
  prefix: string;
}

const ADMIN_PASSWORD = 'bench-admin-password';
export const AGENT_PASSWORD = 'bench-agent-password';

export interface SwitchboardOptions {
  mongoUri: string;
  redisUrl: string;
  /** Turns on the probe's MongoDB command monitoring (slower: only for the DB-share figure). */
  monitorDb?: boolean;
  /** Writes a V8 CPU profile to this directory when the server exits. */
  cpuProfDir?: string;
  extraEnv?: Record<string, string>;
}

export async function startSwitchboard(name: string, options: SwitchboardOptions): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const unique = `bench_${randomBytes(4).toString('hex')}`;
  const outbox = path.join(RESULTS_DIR, 'outbox', unique);
  mkdirSync(outbox, { recursive: true });
  const args = [
    ...PROBE_IMPORTS,
    '--expose-gc',
    ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    path.join(ROOT, 'server', 'dist', 'main.js'),
  ];
  const started = await startNode(name, args, {
    ready: /Switchboard is running at/,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      MONGODB_URI: options.mongoUri,
      MONGODB_DB: unique,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: unique,
      // The benchmark measures the message path, not the abuse limits: a closed loop of one chat
      // now passes 100 msg/s, so the limit is set far above anything a round can send.
      CUSTOMER_MESSAGE_RATE: '100000',
      AGENT_MESSAGE_RATE: '100000',
      // Every load client connects from 127.0.0.1.
      SOCKETS_PER_ADDRESS: '1000000',
      SOCKET_REQUESTS_IN_FLIGHT: '10000',
      VISITOR_EVENT_BUDGET: '10000000',
      AGENT_EVENT_BUDGET: '10000000',
      ADDRESS_EVENT_BUDGET: '10000000',
      ADMIN_EMAIL: 'bench-admin@example.com',
      ADMIN_PASSWORD,
      MAIL_OUTBOX_DIR: outbox,
      BENCH_DB_MONITOR: options.monitorDb ? '1' : '0',
      ...options.extraEnv,
    },
  });
  return { ...started, url, prefix: unique };
}

export async function startRelay(name: string): Promise<Server> {
  const port = await freePort();
  const started = await startNode(name, [...PROBE_IMPORTS, '--expose-gc', 'bench/baselines/relay-server.ts'], {
    ready: /relay listening/,
    env: { PORT: String(port) },
  });
  return { ...started, url: `http://127.0.0.1:${port}`, prefix: '' };
}

interface Session {
  cookie: string;
  csrfToken: string;
}

/** Signs in as the admin every Switchboard of the bench is started with. */
export async function adminSession(url: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'bench-admin@example.com', password: ADMIN_PASSWORD }),
  });
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('sb_session='));
  if (!cookie || response.status !== 200) throw new Error(`admin sign-in failed: ${response.status}`);
  return { cookie, csrfToken: body.csrfToken };
}

/** Creates agents over the admin REST API (the same path as the supervisor console). */
export async function createAgents(
  server: Server,
  count: number,
  capacity: number,
): Promise<{ email: string; password: string }[]> {
  const session = await adminSession(server.url);
  const agents: { email: string; password: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `agent-${randomBytes(5).toString('hex')}@example.com`;
    const response = await fetch(`${server.url}/api/agents`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: server.url,
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
      body: JSON.stringify({ email, password: AGENT_PASSWORD, displayName: `Bench ${index}`, capacity }),
    });
    if (response.status >= 300) throw new Error(`create agent: ${response.status} ${await response.text()}`);
    agents.push({ email, password: AGENT_PASSWORD });
  }
  return agents;
}
