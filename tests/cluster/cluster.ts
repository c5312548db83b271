import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { AgentView, DepartmentView } from '@switchboard/shared';
import type { agentCreateSchema, departmentCreateSchema } from '@switchboard/shared/schemas';
import { Redis } from 'ioredis';
import mongoose, { type Connection } from 'mongoose';
import { startMongo } from '../../scripts/services/mongo.js';
import { freePort } from '../../scripts/services/ports.js';
import { startRedis } from '../../scripts/services/redis.js';
import { agentFetch, signIn, TEST_PASSWORD, type SignedIn } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import type { SocketTransport } from '../support/socket-client.js';
import { GiveUp, ManagedProcess, waitFor } from './managed-process.js';
import { startNginx } from './nginx.js';

const DIST = path.resolve(import.meta.dirname, '../../server/dist');
const ADMIN = { email: 'admin@cluster.test', password: 'cluster-admin-password' };

export interface ClusterOptions {
  /** Web processes behind nginx (PROCESS_ROLE=web). Default 2. */
  webProcesses?: number;
  /** Separate `node server/dist/worker.js` processes. Default 1. */
  workers?: number;
  /** Redis with an append-only file, as production runs it (scenarios that restart Redis). */
  redisAppendOnly?: boolean;
  /** Extra environment for every server process (thresholds, SMTP_URL, …). */
  env?: Record<string, string>;
}

/** One server process of the cluster; `process` is null while it is down. */
export interface ServerNode {
  readonly instanceId: string;
  readonly role: 'web' | 'worker';
  readonly port: number;
  process: ManagedProcess | null;
}

/**
 * A deployment in miniature, all on loopback and in one temp dir: Redis,
 * a MongoDB-wire server, N web processes and M worker processes as real
 * `node server/dist/*.js` children, and Debian's nginx in front with sticky
 * sessions. Everything runs under scripts/services' guard, so nothing
 * outlives the test run, and any piece can be killed and started again.
 */
export class Cluster {
  readonly web: ServerNode[] = [];
  readonly workers: ServerNode[] = [];
  /** The load balancer's address: what clients use. */
  url = '';
  redisUrl = '';
  mongoUri = '';
  private redisPort = 0;
  private mongoPort = 0;
  private redisProcess: ManagedProcess | null = null;
  private mongoProcess: ManagedProcess | null = null;
  private nginx: ManagedProcess | null = null;
  private connection: Connection | null = null;
  private redisClient: Redis | null = null;
  private admin: SignedIn | null = null;

  private constructor(
    readonly dir: string,
    /** Database name and Redis key prefix of this cluster. */
    readonly namespace: string,
    private readonly options: ClusterOptions,
  ) {}

  static async start(options: ClusterOptions = {}): Promise<Cluster> {
    for (const entry of ['main.js', 'worker.js']) {
      if (!existsSync(path.join(DIST, entry))) throw new Error(`server/dist/${entry} is missing: run pnpm build first`);
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-cluster-'));
    const cluster = new Cluster(dir, `cluster_${randomBytes(4).toString('hex')}`, options);
    try {
      await cluster.boot();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  private async boot(): Promise<void> {
    await this.startRedis();
    await this.startMongo();
    for (let i = 0; i < (this.options.webProcesses ?? 2); i += 1) {
      this.web.push({ instanceId: `n${i + 1}`, role: 'web', port: await freePort(), process: null });
    }
    for (let i = 0; i < (this.options.workers ?? 1); i += 1) {
      this.workers.push({ instanceId: `w${i + 1}`, role: 'worker', port: await freePort(), process: null });
    }
    await Promise.all([...this.web, ...this.workers].map((node) => this.startNode(node)));
    const nginx = await startNginx(this.dir, this.web);
    this.nginx = nginx.process;
    this.url = nginx.url;
  }

  private async startRedis(): Promise<void> {
    const running = await startRedis({
      dataDir: this.dir,
      appendOnly: this.options.redisAppendOnly ?? false,
      ...(this.redisPort ? { preferredPort: this.redisPort } : {}),
    });
    if (this.redisPort && running.port !== this.redisPort) throw new Error('Redis came back on another port');
    this.redisPort = running.port;
    this.redisUrl = running.url;
    this.redisProcess = ManagedProcess.wrap(running.process, path.join(this.dir, 'redis.log'));
  }

  private async startMongo(): Promise<void> {
    const running = await startMongo({
      dataDir: this.dir,
      ...(this.mongoPort ? { preferredPort: this.mongoPort } : {}),
    });
    if (this.mongoPort && running.port !== this.mongoPort) throw new Error('the database came back on another port');
    this.mongoPort = running.port;
    this.mongoUri = running.uri;
    this.mongoProcess = ManagedProcess.wrap(running.process, path.join(this.dir, 'mongo.log'));
  }

  /** Starts (or restarts, on the same port) a server process and waits until it is ready. */
  async startNode(node: ServerNode): Promise<void> {
    if (node.process) throw new Error(`${node.instanceId} is already running`);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      MONGODB_URI: this.mongoUri,
      MONGODB_DB: this.namespace,
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.namespace,
      INSTANCE_ID: node.instanceId,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      CUSTOMER_MESSAGE_RATE: '1000',
      AGENT_MESSAGE_RATE: '1000',
      // Every test client is 127.0.0.1 (and behind nginx without TRUST_PROXY, so is nginx):
      // the per-address connection limit would count the whole test as one visitor.
      SOCKETS_PER_ADDRESS: '100000',
      // The same for the in-memory bounds on socket events: these tests measure faults, not floods.
      SOCKET_REQUESTS_IN_FLIGHT: '10000',
      VISITOR_EVENT_BUDGET: '1000000',
      AGENT_EVENT_BUDGET: '1000000',
      ADDRESS_EVENT_BUDGET: '1000000',
      SHUTDOWN_GRACE_MS: '5000',
      ...this.options.env,
      ...(node.role === 'web' ? { PORT: String(node.port), PROCESS_ROLE: 'web' } : { WORKER_PORT: String(node.port) }),
    };
    const entry = path.join(DIST, node.role === 'web' ? 'main.js' : 'worker.js');
    const child = ManagedProcess.start(`server-${node.instanceId}`, process.execPath, [entry], {
      env,
      logFile: path.join(this.dir, `${node.instanceId}.log`),
    });
    node.process = child;
    let lastAnswer = '';
    // Generous: several processes boot at once on a loaded two-core machine.
    await waitFor(
      `${node.instanceId} ready`,
      async () => {
        if (child.hasExited) throw new GiveUp(`${node.instanceId} exited`);
        const response = await fetch(`http://127.0.0.1:${node.port}/readyz`);
        lastAnswer = `${response.status} ${await response.text()}`;
        return response.ok;
      },
      90_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)} (last /readyz: ${lastAnswer || 'none'})\n${child.tail()}`);
    });
  }

  /** Signals a server process (SIGKILL: crash; SIGTERM: graceful stop) and waits for it to exit. */
  async killNode(node: ServerNode, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = node.process;
    if (!child) return;
    await child.kill(signal);
    node.process = null;
  }

  async killRedis(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.redisProcess?.kill(signal);
    this.redisProcess = null;
    this.redisClient?.disconnect();
    this.redisClient = null;
  }

  restartRedis(): Promise<void> {
    return this.startRedis();
  }

  async stopDatabase(): Promise<void> {
    await this.connection?.close(true).catch(() => undefined);
    this.connection = null;
    await this.mongoProcess?.stop();
    this.mongoProcess = null;
  }

  restartDatabase(): Promise<void> {
    return this.startMongo();
  }

  /** The cluster's database, read directly (the oracle's view of what is stored). */
  async db(): Promise<Connection> {
    this.connection ??= await mongoose
      .createConnection(this.mongoUri, { dbName: this.namespace, serverSelectionTimeoutMS: 10_000 })
      .asPromise();
    return this.connection;
  }

  redis(): Redis {
    this.redisClient ??= new Redis(this.redisUrl, { maxRetriesPerRequest: 3 });
    return this.redisClient;
  }

  /** Every test customer comes from 127.0.0.1: forget the per-address start limit between bursts. */
  async resetRateLimits(): Promise<void> {
    const keys = await this.redis().keys(`${this.namespace}:rl:*`);
    if (keys.length > 0) await this.redis().del(...keys);
  }

  /** The first admin (ADMIN_EMAIL), signed in through nginx. */
  async adminSession(): Promise<SignedIn> {
    this.admin ??= await signIn(this.url, ADMIN.email, ADMIN.password);
    return this.admin;
  }

  private async adminPost<T>(route: string, body: unknown): Promise<T> {
    const response = await agentFetch(this.url, await this.adminSession(), route, { method: 'POST', body });
    const json = (await response.json()) as T;
    if (response.status >= 300) throw new Error(`POST ${route}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  createDepartment(
    fields: Partial<z.input<typeof departmentCreateSchema>> & { name: string },
  ): Promise<DepartmentView> {
    return this.adminPost<{ department: DepartmentView }>('/api/departments', fields).then((body) => body.department);
  }

  /** An agent created over REST and signed in, its desk connected through nginx. */
  async openDesk(
    fields: Partial<z.input<typeof agentCreateSchema>> = {},
    options: { transports?: SocketTransport[] } = {},
  ): Promise<TestAgentDesk> {
    const email = `agent-${randomBytes(4).toString('hex')}@cluster.test`;
    await this.adminPost<{ agent: AgentView }>('/api/agents', {
      displayName: 'Cluster Agent',
      ...fields,
      email,
      password: TEST_PASSWORD,
    });
    const session = await signIn(this.url, email, TEST_PASSWORD);
    return TestAgentDesk.openSession(this.url, session, options);
  }

  customer(options: { transports?: SocketTransport[] } = {}): TestCustomer {
    return new TestCustomer(this.url, options);
  }

  /** Server processes that exited without the test stopping them (crashes). */
  crashed(): string[] {
    return [...this.web, ...this.workers].filter((node) => node.process?.hasExited).map((node) => node.instanceId);
  }

  /** Starts one more worker process (e.g. to take over a killed one's jobs). */
  async addWorker(): Promise<ServerNode> {
    const node: ServerNode = {
      instanceId: `w${this.workers.length + 1}`,
      role: 'worker',
      port: await freePort(),
      process: null,
    };
    this.workers.push(node);
    await this.startNode(node);
    return node;
  }

  /** Redis, the database and nginx as they run now (null while stopped), e.g. to read their memory. */
  services(): { name: string; process: ManagedProcess | null }[] {
    return [
      { name: 'redis', process: this.redisProcess },
      { name: 'db', process: this.mongoProcess },
      { name: 'nginx', process: this.nginx },
    ];
  }

  /** Output of every process, for a failing test's message. */
  logs(): string {
    return [...this.web, ...this.workers]
      .map((node) => `--- ${node.instanceId}\n${node.process?.tail() ?? '(down)'}`)
      .join('\n');
  }

  async stop(): Promise<void> {
    this.redisClient?.disconnect();
    await this.connection?.close(true).catch(() => undefined);
    const running = (children: (ManagedProcess | null)[]) => children.filter((child) => child !== null);
    const nodes = [...this.web, ...this.workers].map((node) => node.process);
    await Promise.all(running([this.nginx, ...nodes]).map((child) => child.stop(5_000)));
    await Promise.all(running([this.redisProcess, this.mongoProcess]).map((child) => child.stop()));
    // KEEP_CLUSTER_DIR=1 keeps every process's log for a post-mortem.
    if (process.env.KEEP_CLUSTER_DIR) process.stderr.write(`cluster logs kept in ${this.dir}\n`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}
