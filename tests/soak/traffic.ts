import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AckResult } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, type TestCustomer } from '../support/customer-client.js';
import type { TestParticipant } from '../support/participant.js';
import { sendReliably, singleFlight } from '../cluster/chat-traffic.js';
import type { Cluster } from '../cluster/cluster.js';
import { AckLedger } from '../cluster/oracle.js';
import { pick } from './faults.js';

export const NUDGE = 'customer.idle-nudge';
type Connectable = TestParticipant & { connect(url: string): Promise<void> };
type Ending = 'agent' | 'customer' | 'idle';
interface StoredConversation {
  _id: Types.ObjectId;
  status: string;
  agentId: Types.ObjectId | null;
  closedBy?: { kind?: string };
}

const ACK_TIMEOUT_MS = 30_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what}: no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/** Before the first connect a participant has no socket yet. */
const dropSocket = (participant: TestParticipant) => (participant.socket as Socket | undefined)?.disconnect();

/**
 * The soak's mixed traffic through nginx: customers arriving every few
 * seconds, routed to a small team of agents; messages both ways at a steady
 * pace (every send retried with its clientMessageId until acked); each chat
 * then closed by the agent, by the customer, or left for the idle timers
 * (check-in, then close). Every participant that loses its socket comes back
 * through the load balancer within a second or two, as the real clients do.
 */
export class SoakTraffic {
  readonly ledger = new AckLedger();
  readonly customers: TestCustomer[] = [];
  readonly desks: TestAgentDesk[] = [];
  readonly conversationIds: string[] = [];
  readonly problems: string[] = [];
  /** Closed chats: conversation id → the customer's email, expecting one transcript each. */
  readonly closed = new Map<string, string>();
  /** Emails whose conversation.start was retried: a lost ack may have left a second chat (an orphan). */
  readonly retriedStarts = new Set<string>();
  readonly stats = { acked: 0, refused: 0, started: 0, agent: 0, customer: 0, idle: 0, orphans: 0 };
  private readonly reconnectors = new Map<Connectable, () => Promise<void>>();
  private readonly open = new Set<Promise<void>>();
  private readonly tracked = new Set<string>();
  private loops: Promise<void>[] = [];
  private stopping = false;
  private topic = '';
  private chats = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly random: () => number,
    private readonly options: { agents: number; maxOpenChats: number; idleCloseWithinMs: number },
  ) {}

  get openChats(): number {
    return this.open.size;
  }

  get connectedSockets(): number {
    return [...this.reconnectors.keys()].filter((participant) => participant.socket.connected).length;
  }

  /** Creates the team (one department, agents online), then starts the traffic in the background. */
  async begin(): Promise<void> {
    this.topic = `soak-${randomBytes(3).toString('hex')}`;
    const department = await this.cluster.createDepartment({
      name: this.topic,
      topics: [{ key: this.topic, labels: {} }],
    });
    for (let i = 0; i < this.options.agents; i += 1) {
      const desk = await this.cluster.openDesk({
        departmentIds: [department.id],
        languages: ['fr', 'en'],
        capacity: 10,
      });
      desk.ackTimeoutMs = ACK_TIMEOUT_MS;
      this.desks.push(desk);
      this.reconnectors.set(
        desk,
        singleFlight(async () => {
          await this.connectThrough(desk);
          // A socket back within the grace period keeps the agent online anyway; saying so again
          // covers a longer absence. A refusal (store down) is counted and retried, never dropped.
          await this.goOnlineReliably(desk);
        }),
      );
      await this.goOnline(desk);
    }
    this.loops = [this.arrivals(), this.keepConnected(), this.closeOrphans()];
  }

  /** Stops new chats, lets the open ones finish (closing them), and reconnects everyone for the oracle. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
    await Promise.all([...this.open]);
    await Promise.all(
      [...this.reconnectors].map(async ([participant, reconnect]) => {
        if (!participant.socket.connected) await reconnect().catch(() => undefined);
      }),
    );
  }

  private async goOnlineReliably(desk: TestAgentDesk): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.goOnline(desk);
        return;
      } catch (error) {
        this.stats.refused += 1;
        if (!desk.socket.connected) throw error; // the reconnect that follows says it again
        if (attempt >= 20) {
          this.problems.push(`an agent could not go back online in 10 s: ${String(error)}`);
          throw error;
        }
        await sleep(500);
      }
    }
  }

  private async goOnline(desk: TestAgentDesk): Promise<void> {
    const result = await desk.request('agent.status.set', { status: 'online' });
    if (!result.ok) throw new Error(`agent.status.set: ${result.error.code}`);
  }

  private async connectThrough(participant: Connectable): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        dropSocket(participant);
        // connect() waits for session.ready: bounded, for a process killed mid-handshake.
        await withTimeout(participant.connect(this.cluster.url), 20_000, 'connect');
        return;
      } catch (error) {
        dropSocket(participant);
        if (attempt >= 60) throw error;
        await sleep(500);
      }
    }
  }

  private reconnectorOf(participant: Connectable): () => Promise<void> {
    const reconnect = this.reconnectors.get(participant);
    if (!reconnect) throw new Error('participant without a reconnector');
    return reconnect;
  }

  private async arrivals(): Promise<void> {
    while (!this.stopping) {
      if (this.open.size < this.options.maxOpenChats) {
        const n = (this.chats += 1);
        const chat: Promise<void> = this.runChat(n)
          .catch((error: unknown) => {
            this.problems.push(`chat ${n}: ${String(error)}`);
          })
          .finally(() => this.open.delete(chat));
        this.open.add(chat);
      }
      await sleep(3_000 + this.random() * 5_000);
    }
  }

  /** Like the widget and the desk: a dropped socket comes back through nginx at once. */
  private async keepConnected(): Promise<void> {
    while (!this.stopping) {
      for (const [participant, reconnect] of this.reconnectors) {
        if (!participant.socket.connected) void reconnect().catch(() => undefined);
      }
      await sleep(1_000);
    }
  }

  /** Retries `work` (reconnecting first when the socket dropped) until it succeeds or the deadline passes. */
  private async retry<T>(participant: Connectable, what: string, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        if (!participant.socket.connected) await this.reconnectorOf(participant)();
        return await work();
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`${what}: ${String(error)}`, { cause: error });
        await sleep(500);
      }
    }
  }

  private async runChat(n: number): Promise<void> {
    const email = `soak-${n}-${randomBytes(3).toString('hex')}@example.com`;
    const customer = this.cluster.customer();
    customer.ackTimeoutMs = ACK_TIMEOUT_MS;
    await this.connectThrough(customer);
    this.customers.push(customer);
    this.reconnectors.set(
      customer,
      singleFlight(() => this.connectThrough(customer)),
    );
    let attempts = 0;
    const started = await this.retry(customer, `chat ${n} start`, () => {
      attempts += 1;
      if (attempts > 1) this.retriedStarts.add(email);
      return customer.start({ ...defaultPrechat, name: `Soak ${n}`, email, topic: this.topic });
    });
    this.stats.started += 1;
    const conversationId = started.conversation.id;
    this.conversationIds.push(conversationId);
    this.tracked.add(conversationId);
    const desk = await this.assignedDesk(conversationId);
    desk.log(conversationId);
    await desk.sync().catch(() => undefined); // a dropped desk catches up when it reconnects

    const ending = pick<Ending>(this.random, ['agent', 'agent', 'customer', 'idle', 'idle']);
    const rounds = 3 + Math.floor(this.random() * 8);
    const send = async (participant: Connectable, body: string) => {
      await sendReliably(participant, conversationId, body, {
        ledger: this.ledger,
        reconnect: this.reconnectorOf(participant),
        onRefusal: () => (this.stats.refused += 1),
      });
      this.stats.acked += 1;
    };
    try {
      for (let i = 0; i < rounds && !this.stopping; i += 1) {
        await send(customer, `customer ${n}.${i}`);
        await sleep(800 + this.random() * 2_000);
        await send(desk, `agent ${n}.${i}`);
        await sleep(800 + this.random() * 2_000);
      }
    } catch (error) {
      // A fault long enough for the idle timers to close the chat first ends it early; nothing else may.
      if ((await this.conversation(conversationId))?.closedBy?.kind !== 'system') throw error;
      this.closed.set(conversationId, email);
      this.stats.idle += 1;
      return;
    }

    if (ending === 'idle') {
      await this.waitForIdleClose(n, conversationId);
    } else {
      const closer: Connectable = ending === 'agent' ? desk : customer;
      const payload = ending === 'agent' ? { conversationId, disposition: 'resolved' } : { conversationId };
      await this.retry(closer, `chat ${n} close`, async () => {
        const result: AckResult<unknown> = await closer.request('conversation.close', payload);
        if (!result.ok) throw new Error(`conversation.close: ${result.error.code}`);
      });
    }
    this.stats[ending] += 1;
    this.closed.set(conversationId, email);
  }

  private conversation(id: string): Promise<StoredConversation | null> {
    return this.cluster
      .db()
      .then((db) => db.collection<StoredConversation>('conversations').findOne({ _id: new Types.ObjectId(id) }));
  }

  private async assignedDesk(conversationId: string): Promise<TestAgentDesk> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const found = await this.conversation(conversationId);
      const agentId = found?.status === 'active' ? found.agentId?.toHexString() : undefined;
      if (agentId) {
        const desk = this.desks.find((candidate) => candidate.principal.id === agentId);
        if (!desk) throw new Error(`${conversationId} assigned to an agent outside the soak team`);
        return desk;
      }
      if (Date.now() > deadline) throw new Error(`${conversationId} not assigned within 120 s`);
      await sleep(500);
    }
  }

  /** The customer went quiet after the agent's reply: the check-in, then the close, each exactly once. */
  private async waitForIdleClose(n: number, conversationId: string): Promise<void> {
    const deadline = Date.now() + this.options.idleCloseWithinMs;
    while ((await this.conversation(conversationId))?.status !== 'closed') {
      if (Date.now() > deadline) {
        throw new Error(`not closed by its idle timers within ${this.options.idleCloseWithinMs / 1000} s`);
      }
      await sleep(1_000);
    }
    const db = await this.cluster.db();
    const nudges = await db
      .collection('messages')
      .countDocuments({ conversationId: new Types.ObjectId(conversationId), 'system.event': NUDGE });
    if (nudges !== 1) this.problems.push(`chat ${n}: closed for idleness after ${nudges} check-ins (expected 1)`);
  }

  /**
   * A conversation.start whose ack was lost to a kill and was retried from a
   * fresh socket leaves a chat nobody talks in: its agent closes it, as a
   * real agent would, so it does not hold capacity for the rest of the run.
   */
  private async closeOrphans(): Promise<void> {
    while (!this.stopping) {
      await sleep(5_000);
      try {
        const db = await this.cluster.db();
        const minuteAgo = Types.ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 60);
        const stale = await db
          .collection<StoredConversation>('conversations')
          .find({
            status: 'active',
            agentId: { $in: this.desks.map((desk) => new Types.ObjectId(desk.principal.id)) },
            _id: { $lt: minuteAgo },
          })
          .toArray();
        for (const orphan of stale.filter((found) => !this.tracked.has(found._id.toHexString()))) {
          const desk = this.desks.find((candidate) => candidate.principal.id === orphan.agentId?.toHexString());
          if (!desk?.socket.connected) continue;
          const result: AckResult<unknown> = await desk.request('conversation.close', {
            conversationId: orphan._id.toHexString(),
            disposition: 'no-response',
          });
          if (result.ok) this.stats.orphans += 1;
        }
      } catch {
        // a fault in progress: next round
      }
    }
  }
}
