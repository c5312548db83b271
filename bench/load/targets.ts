/**
 * The two things a load client can talk to, behind one shape: Switchboard's
 * real protocol (REST sign-in, /agent and /customer namespaces, routing
 * assigns the chat) and the bare relay baseline (join a room, send to it).
 * Delivery to the agent side is reported through `onDelivered`, keyed by the
 * id the sender chose (clientMessageId), so the driver can time it.
 */
import {
  PROTOCOL_VERSION,
  type AckResult,
  type ConversationStarted,
  type MessageSent,
  type MessageView,
} from '@switchboard/shared';
import { io, type Socket } from 'socket.io-client';

export type TargetKind = 'switchboard' | 'relay';

export interface AgentCredentials {
  email: string;
  password: string;
}

export interface Chat {
  /** Resolves when the server acked the message as stored (relay: relayed). */
  send(id: string, body: string): Promise<void>;
  close(): Promise<void>;
  /** Switchboard only: the assigned agent answers; resolves with the stored time of the reply (epoch ms). */
  reply?(id: string, body: string): Promise<number>;
  /** Switchboard only: resolves with the stored time (epoch ms) of the next idle check-in the customer is shown. */
  nextNudge?(): Promise<number>;
}

export interface Target {
  connectAgent(index: number, credentials: AgentCredentials | undefined): Promise<void>;
  /** A connected customer, not yet chatting. */
  connectCustomer(address: string): Promise<Socket>;
  /**
   * Starts a chat and resolves once an agent socket has been told it is
   * theirs, reported as `onDelivered('assigned:<index>', at)`. `enqueued` is
   * called right before the timed request leaves (setup before it is free).
   */
  startChat(customer: Socket, index: number, enqueued?: () => void): Promise<Chat>;
  /** Every agent-side delivery (message or assignment) with its id and when it arrived (performance.now()). */
  onDelivered: (id: string, at: number) => void;
  disconnectAll(): void;
}

const ACK_TIMEOUT_MS = 15_000;

/** What `conversation.start` cost on the server side, for the routing figure (reset by the reader). */
export const startStats = { ackMs: [] as number[], timeouts: 0, refusals: 0 };

function ackData<T>(result: AckResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

function whenReady(socket: Socket, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once(event, () => resolve());
    socket.once('connect_error', reject);
  });
}

/** A dropped socket silently ends its chat's sends (no reconnection): say so in the client's log. */
function reportDrops(socket: Socket, who: string): void {
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') process.stderr.write(`${who} socket dropped: ${reason}\n`);
  });
}

/** Each customer gets its own loopback address: the server limits chat starts per address, as it should. */
const baseOptions = (address: string) => ({
  transports: ['websocket'],
  forceNew: true,
  reconnection: false,
  localAddress: address,
});

export function switchboardTarget(url: string): Target {
  const sockets: Socket[] = [];
  const assignedAt = new Map<string, (at: number) => void>();
  const assignedEarly = new Map<string, number>();
  /** The agent socket each chat was assigned to (it alone hears `conversation.updated` for it). */
  const agentOf = new Map<string, Socket>();
  /** Per conversation: who waits for its next idle check-in. */
  const nudgeWaiters = new Map<string, (storedAt: number) => void>();
  /** Per conversation, every `conversation.updated` heard ("customer:queued", "agent 3:active"): what a stuck chat's error reports. */
  const heard = new Map<string, string[]>();
  const hear = (conversationId: string, line: string) => {
    const lines = heard.get(conversationId) ?? [];
    lines.push(line);
    heard.set(conversationId, lines);
  };
  const target: Target = {
    onDelivered: () => undefined,
    async connectAgent(_index, credentials) {
      if (!credentials) throw new Error('switchboard agents need credentials');
      const response = await fetch(`${url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify(credentials),
      });
      const cookie = response.headers
        .getSetCookie()
        .map((header) => header.split(';')[0] ?? '')
        .find((pair) => pair.startsWith('sb_session='));
      if (!cookie) throw new Error(`agent sign-in failed: ${response.status} ${await response.text()}`);
      const socket = io(`${url}/agent`, {
        ...baseOptions('127.0.0.1'),
        auth: { protocolVersion: PROTOCOL_VERSION },
        extraHeaders: { cookie, origin: url },
      });
      sockets.push(socket);
      reportDrops(socket, 'agent');
      socket.on('message.created', (message: MessageView) => {
        if (message.author.kind === 'customer') target.onDelivered(message.clientMessageId, performance.now());
      });
      let agentName = `agent socket ${sockets.length}`;
      socket.once('session.ready', (ready: { agent: { displayName: string } }) => {
        agentName = ready.agent.displayName;
      });
      socket.on('conversation.updated', (conversation: { id: string; status: string }) => {
        hear(conversation.id, `${agentName}:${conversation.status}`);
        if (conversation.status !== 'active') return;
        agentOf.set(conversation.id, socket);
        // The assignment may reach the agent before the start ack reaches the customer.
        const at = performance.now();
        const waiter = assignedAt.get(conversation.id);
        if (waiter) waiter(at);
        else if (!assignedEarly.has(conversation.id)) assignedEarly.set(conversation.id, at);
      });
      await whenReady(socket, 'session.ready');
      ackData(
        (await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('agent.status.set', { status: 'online' })) as AckResult<unknown>,
        'agent.status.set',
      );
    },
    async connectCustomer(address) {
      const socket = io(`${url}/customer`, {
        ...baseOptions(address),
        auth: { protocolVersion: PROTOCOL_VERSION },
        extraHeaders: { origin: url },
      });
      sockets.push(socket);
      reportDrops(socket, 'customer');
      socket.on(
        'conversation.updated',
        (conversation: { id: string; status: string; agent?: { displayName: string } }) =>
          hear(
            conversation.id,
            `customer:${conversation.status}${conversation.agent ? ` (${conversation.agent.displayName})` : ''}`,
          ),
      );
      socket.on('message.created', (message: MessageView) => {
        if (message.system?.event !== 'customer.idle-nudge') return;
        nudgeWaiters.get(message.conversationId)?.(Date.parse(message.createdAt));
        nudgeWaiters.delete(message.conversationId);
      });
      await whenReady(socket, 'session.ready');
      return socket;
    },
    async startChat(customer, index, enqueued) {
      let assigned: (at: number) => void = () => undefined;
      const assignedPromise = new Promise<number>((resolve) => (assigned = resolve));
      enqueued?.();
      // As the widget does: a retryable refusal (e.g. STORE_UNAVAILABLE under load) is retried, and counts in the wait.
      // A start that got no ack in time is retried too (a start is idempotent per customer), and
      // counted: the harness reports how long the server took to answer, not just that it did.
      let started: ConversationStarted | undefined;
      for (let attempt = 1; !started; attempt += 1) {
        const sentAt = performance.now();
        let result: AckResult<ConversationStarted>;
        try {
          result = (await customer.timeout(ACK_TIMEOUT_MS).emitWithAck('conversation.start', {
            prechat: { name: `Bench ${index}`, topic: 'bench', language: 'en' },
          })) as AckResult<ConversationStarted>;
        } catch (error) {
          startStats.timeouts += 1;
          if (attempt >= 10) throw error;
          continue;
        }
        startStats.ackMs.push(performance.now() - sentAt);
        if (result.ok) started = result.data;
        else if (result.error.retryable && attempt < 10) {
          startStats.refusals += 1;
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        } else ackData(result, 'conversation.start');
      }
      const conversationId = started.conversation.id;
      const early = assignedEarly.get(conversationId);
      if (early === undefined) assignedAt.set(conversationId, assigned);
      else assigned(early);
      const at = await Promise.race([
        assignedPromise,
        new Promise<never>((_, reject) =>
          setTimeout(() => {
            const events = heard.get(conversationId)?.join(', ') ?? 'nothing';
            reject(new Error(`chat ${index} (${conversationId}) not assigned within 120 s; heard: ${events}`));
          }, 120_000).unref(),
        ),
      ]);
      assignedAt.delete(conversationId);
      assignedEarly.delete(conversationId);
      heard.delete(conversationId);
      target.onDelivered(`assigned:${index}`, at);
      return {
        async send(id, body) {
          ackData(
            (await customer
              .timeout(ACK_TIMEOUT_MS)
              .emitWithAck('message.send', { conversationId, clientMessageId: id, body })) as AckResult<unknown>,
            'message.send',
          );
        },
        async close() {
          // Untimed clean-up between rounds, but every chat must end (it holds an agent's slot):
          // a close unanswered in time or refused for now is sent again (closing twice answers the closed chat).
          for (let attempt = 1; ; attempt += 1) {
            try {
              ackData(
                (await customer
                  .timeout(ACK_TIMEOUT_MS)
                  .emitWithAck('conversation.close', { conversationId })) as AckResult<unknown>,
                'conversation.close',
              );
              return;
            } catch (error) {
              // Unanswered, or refused retryably (STORE_UNAVAILABLE while the database is swamped).
              if (attempt >= 8) throw error;
              await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
            }
          }
        },
        async reply(id, body) {
          const agent = agentOf.get(conversationId);
          if (!agent) throw new Error(`no agent socket was told of ${conversationId}`);
          const sent = ackData(
            (await agent
              .timeout(ACK_TIMEOUT_MS)
              .emitWithAck('message.send', { conversationId, clientMessageId: id, body })) as AckResult<MessageSent>,
            'agent message.send',
          );
          return Date.parse(sent.message.createdAt);
        },
        nextNudge() {
          return new Promise<number>((resolve) => nudgeWaiters.set(conversationId, resolve));
        },
      };
    },
    disconnectAll() {
      for (const socket of sockets.splice(0)) socket.disconnect();
      agentOf.clear();
    },
  };
  return target;
}

/** The bare relay: agent i sits in rooms; a "chat" is a room shared by a customer and one agent. */
export function relayTarget(url: string, chatsPerAgent: number): Target {
  const sockets: Socket[] = [];
  const agents: Socket[] = [];
  const pendingTold = new Map<string, () => void>();
  const target: Target = {
    onDelivered: () => undefined,
    async connectAgent() {
      const socket = io(url, baseOptions('127.0.0.1'));
      sockets.push(socket);
      agents.push(socket);
      socket.on('msg', (message: { id: string }) => {
        const at = performance.now();
        pendingTold.get(message.id)?.();
        pendingTold.delete(message.id);
        target.onDelivered(message.id, at);
      });
      await whenReady(socket, 'connect');
    },
    async connectCustomer(address) {
      const socket = io(url, baseOptions(address));
      sockets.push(socket);
      await whenReady(socket, 'connect');
      return socket;
    },
    async startChat(customer, index, enqueued) {
      const room = `chat-${index}`;
      const agent = agents[Math.floor(index / chatsPerAgent) % agents.length];
      if (!agent) throw new Error('connect agents first');
      await Promise.all([
        customer.timeout(ACK_TIMEOUT_MS).emitWithAck('join', [room]),
        agent.timeout(ACK_TIMEOUT_MS).emitWithAck('join', [room]),
      ]);
      // The relay's "assignment" is the agent being told: one relayed message to the room.
      const told = new Promise<void>((resolve) => pendingTold.set(`assigned:${index}`, resolve));
      enqueued?.();
      await customer.timeout(ACK_TIMEOUT_MS).emitWithAck('send', { room, id: `assigned:${index}`, body: 'assigned' });
      await told;
      return {
        async send(id, body) {
          ackData(
            (await customer.timeout(ACK_TIMEOUT_MS).emitWithAck('send', { room, id, body })) as AckResult<unknown>,
            'send',
          );
        },
        close: () => Promise.resolve(),
      };
    },
    disconnectAll() {
      for (const socket of sockets.splice(0)) socket.disconnect();
      agents.length = 0;
    },
  };
  return target;
}
