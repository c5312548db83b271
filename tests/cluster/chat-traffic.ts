import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AckResult, MessageSent, Prechat } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, type TestCustomer } from '../support/customer-client.js';
import type { TestParticipant } from '../support/participant.js';
import type { SocketTransport } from '../support/socket-client.js';
import type { Cluster } from './cluster.js';
import { waitFor } from './managed-process.js';
import type { AckLedger } from './oracle.js';

/** The server process a participant's socket is on, from its session id (`n2-…`, see INSTANCE_ID). */
export function instanceOf(participant: TestParticipant): string {
  return participant.socket.io.engine.id.split('-')[0] ?? '?';
}

export interface ClusterChat {
  customer: TestCustomer;
  desk: TestAgentDesk;
  conversationId: string;
}

/**
 * A customer and an agent through nginx, on different server processes
 * (reconnecting the agent until least-conn puts it elsewhere), the chat
 * assigned by routing when the agent goes online.
 */
export async function openClusterChat(
  cluster: Cluster,
  options: { transports?: SocketTransport[]; prechat?: Partial<Prechat> } = {},
): Promise<ClusterChat> {
  // A department of its own, so routing cannot hand the chat to another scenario's agent.
  const topic = `chat-${randomUUID().slice(0, 8)}`;
  const department = await cluster.createDepartment({ name: topic, topics: [{ key: topic, labels: {} }] });
  const transports = options.transports ? { transports: options.transports } : {};
  const customer = cluster.customer(transports);
  await customer.connect();
  const started = await customer.start({ ...defaultPrechat, topic, ...options.prechat });
  const conversationId = started.conversation.id;
  const desk = await cluster.openDesk({ departmentIds: [department.id], languages: ['fr', 'en'] }, transports);
  for (let attempt = 0; instanceOf(desk) === instanceOf(customer) && cluster.web.length > 1; attempt += 1) {
    if (attempt > 20) throw new Error('could not put the agent on another process than the customer');
    desk.disconnect();
    await desk.connect(cluster.url);
  }
  const status = await desk.request('agent.status.set', { status: 'online' });
  if (!status.ok) throw new Error(`agent.status.set: ${status.error.code}`);
  const db = await cluster.db();
  await waitFor(
    'routing assigns the chat',
    async () => {
      const found = await db
        .collection<{ status: string; agentId: Types.ObjectId | null }>('conversations')
        .findOne({ _id: new Types.ObjectId(conversationId) });
      return found?.status === 'active' && found.agentId?.toHexString() === desk.principal.id;
    },
    30_000,
  );
  // The assignment's system message is stored and broadcast just after the status flips: wait
  // for both sides to have it, so a scenario's "received during …" counts start after it.
  await waitFor(
    'both sides told of the assignment',
    () =>
      [customer, desk].every((participant) =>
        participant.received.some(
          (message) => message.conversationId === conversationId && message.system?.event === 'conversation.assigned',
        ),
      ),
    30_000,
  );
  desk.log(conversationId);
  await desk.sync();
  return { customer, desk, conversationId };
}

/**
 * Sends as a widget or desk does: a fresh clientMessageId, and on a timeout
 * or a retryable refusal the same id again (reconnecting first if the socket
 * dropped) until it is stored. Every ack goes to the ledger.
 */
export async function sendReliably(
  participant: TestParticipant,
  conversationId: string,
  body: string,
  options: {
    ledger: AckLedger;
    reconnect: () => Promise<void>;
    deadlineMs?: number;
    onRefusal?: (code: string) => void;
  },
): Promise<MessageSent> {
  const clientMessageId = randomUUID();
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  let lastProblem = 'never sent';
  for (;;) {
    if (!participant.socket.connected) {
      await options.reconnect().catch((error: unknown) => (lastProblem = `reconnect: ${String(error)}`));
    }
    let result: AckResult<MessageSent> | null = null;
    if (participant.socket.connected) {
      // Like the widget's outbox: a dropped socket means "resend after reconnecting", not "wait for the timeout".
      const socket = participant.socket;
      let onDisconnect: () => void = () => undefined;
      const dropped = new Promise<null>((resolve) => {
        onDisconnect = () => {
          lastProblem = 'socket dropped';
          resolve(null);
        };
        socket.once('disconnect', onDisconnect);
      });
      const sent = participant.send(conversationId, body, { clientMessageId }).catch((error: unknown) => {
        lastProblem = `send: ${String(error)}`;
        return null;
      });
      result = await Promise.race([sent, dropped]);
      socket.off('disconnect', onDisconnect);
    }
    if (result) options.ledger.record(conversationId, clientMessageId, result);
    if (result?.ok) return result.data;
    if (result) {
      lastProblem = `refused: ${result.error.code}`;
      options.onRefusal?.(result.error.code);
      if (!result.error.retryable) throw new Error(`send refused: ${result.error.code} ${result.error.message}`);
    }
    if (Date.now() > deadline) throw new Error(`send of "${body}" did not succeed in time (${lastProblem})`);
    await sleep(250);
  }
}

/** Reconnects a participant through the load balancer until it is connected and caught up. */
export async function reconnectThrough(
  cluster: Cluster,
  participant: TestParticipant & { connect(url: string): Promise<void> },
) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      participant.socket.disconnect();
      await participant.connect(cluster.url);
      return;
    } catch (error) {
      if (attempt >= 40) throw error;
      await sleep(250);
    }
  }
}

/** One reconnect at a time per participant, however many sends notice the drop at once. */
export function singleFlight(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => {
    running ??= work().finally(() => (running = null));
    return running;
  };
}

/**
 * Steady two-way traffic in one chat: `count` customer messages at
 * `perSecond` (and an agent reply to every other one), each sent reliably
 * (retried with its id, reconnecting through nginx when its socket dropped).
 * `at(i)` runs before the i-th customer message: the scenario's fault.
 */
export async function steadyTraffic(
  cluster: Cluster,
  chat: ClusterChat,
  options: {
    ledger: AckLedger;
    count: number;
    perSecond: number;
    at?: (i: number) => Promise<void> | void;
    onRefusal?: (code: string) => void;
  },
): Promise<void> {
  const reconnectCustomer = singleFlight(() => reconnectThrough(cluster, chat.customer));
  const reconnectDesk = singleFlight(() => reconnectThrough(cluster, chat.desk));
  const common = { ledger: options.ledger, ...(options.onRefusal ? { onRefusal: options.onRefusal } : {}) };
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < options.count; i += 1) {
    await options.at?.(i);
    sends.push(
      sendReliably(chat.customer, chat.conversationId, `customer ${i}`, { ...common, reconnect: reconnectCustomer }),
    );
    if (i % 2 === 0)
      sends.push(sendReliably(chat.desk, chat.conversationId, `agent ${i}`, { ...common, reconnect: reconnectDesk }));
    await sleep(1000 / options.perSecond);
  }
  await Promise.all(sends);
  // Whoever lost its socket without sending since has to come back too.
  if (!chat.customer.socket.connected) await reconnectCustomer();
  if (!chat.desk.socket.connected) await reconnectDesk();
}
