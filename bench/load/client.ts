/**
 * A load client: a separate process (forked by the harness with an IPC
 * channel) that holds customer and agent sockets and drives them on command,
 * so the measured server never shares a CPU queue with the code measuring it.
 * See bench/load/protocol.ts for the commands.
 */
import type { Socket } from 'socket.io-client';
import { addressFor, type ClientCommand, type ClientReply, type SetupCommand } from './protocol.js';
import { relayTarget, startStats, switchboardTarget, type Chat, type Target } from './targets.js';

const BODY = 'Hello! My order #48213 has not arrived yet, could you check where it is?';

async function pool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return results;
}

let target: Target | undefined;
let customers: Socket[] = [];
let chats: Chat[] = [];
const waiting = new Map<string, (at: number) => void>();
const arrivedEarly = new Map<string, number>();
/** When the agent side was told about chat <index> (start-chats reads it). */
const assignedAt = new Map<number, number>();

function delivered(id: string): Promise<number> {
  const early = arrivedEarly.get(id);
  if (early !== undefined) {
    arrivedEarly.delete(id);
    return Promise.resolve(early);
  }
  return new Promise((resolve) => waiting.set(id, resolve));
}

function onDelivered(id: string, at: number): void {
  if (id.startsWith('assigned:')) {
    assignedAt.set(Number(id.slice('assigned:'.length)), at);
    return;
  }
  const waiter = waiting.get(id);
  if (waiter) {
    waiting.delete(id);
    waiter(at);
  } else arrivedEarly.set(id, at);
}

async function setup(command: SetupCommand): Promise<void> {
  target =
    command.target === 'switchboard'
      ? switchboardTarget(command.url)
      : relayTarget(command.url, Math.max(1, Math.ceil(command.chats / Math.max(1, command.agents.length))));
  target.onDelivered = onDelivered;
  const current = target;
  await pool(command.agents.length, 10, (index) => current.connectAgent(index, command.agents[index]));
  customers = await pool(command.customers, command.concurrency, (index) =>
    current.connectCustomer(addressFor(command.addressBase + index)),
  );
}

/**
 * Message ids are unique for the whole life of this process, not per round:
 * rounds reuse the same conversations, and Switchboard rightly answers a
 * repeated clientMessageId as an idempotent retry (acked, nothing stored, no
 * second broadcast). Restarting the counter each round made every send of
 * rounds 2 and 3 a "duplicate" whose agent copy never came.
 */
let messageCounter = 0;
const messagePrefix = `b${process.pid.toString(36)}x${Date.now().toString(36)}x`;
const nextMessageId = () => `${messagePrefix}${(messageCounter++).toString(36).padStart(8, '0')}`;

/** Closed loop: each chat keeps `inFlight` messages between send and "acked and seen by the agent". */
function load(inFlight: number) {
  let running = true;
  let counting = false;
  let windowStart = 0;
  let completed = 0;
  let errors = 0;
  const latencies: number[] = [];
  // A function, not the flag itself: `running` changes while a send is awaited.
  const stopped = () => !running;
  const worker = async (chat: Chat) => {
    while (running) {
      const id = nextMessageId();
      const sentAt = performance.now();
      try {
        let acked = false;
        const sending = chat.send(id, BODY).then(() => (acked = true));
        // A message must not hang a worker silently: say which half never came.
        const deadline = new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(acked ? 'acked but never delivered to the agent' : 'neither acked nor delivered')),
            20_000,
          ).unref(),
        );
        const [, seenAt] = await Promise.race([Promise.all([sending, delivered(id)]), deadline]);
        const doneAt = Math.max(performance.now(), seenAt);
        if (counting) {
          completed += 1;
          latencies.push(doneAt - sentAt);
        }
      } catch (error) {
        // The first few go to the client's log (bench/results/logs/) to say why; after `stop`
        // nothing is counted any more, and a send the drain gave up on is not news.
        if (stopped()) break;
        if (errors < 5)
          process.stderr.write(`send failed: ${error instanceof Error ? error.message : String(error)}\n`);
        errors += 1;
        waiting.delete(id);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const workers = chats.flatMap((chat) => Array.from({ length: inFlight }, () => worker(chat)));
  return {
    mark() {
      counting = true;
      windowStart = performance.now();
    },
    async stop(): Promise<ClientReply> {
      const windowMs = performance.now() - windowStart;
      counting = false;
      running = false;
      await Promise.race([Promise.all(workers), new Promise((resolve) => setTimeout(resolve, 1_000))]);
      // Whatever is still outstanding belongs to this round; it must not resolve a later one.
      waiting.clear();
      arrivedEarly.clear();
      return { reply: 'result', completed, windowMs, latencies, errors };
    },
  };
}

let loading: ReturnType<typeof load> | undefined;

async function handle(command: ClientCommand): Promise<ClientReply> {
  switch (command.cmd) {
    case 'setup':
      await setup(command);
      return { reply: 'ok' };
    case 'start-chats': {
      const current = target;
      if (!current) throw new Error('setup first');
      const enqueuedAt: number[] = [];
      const notifiedAt: number[] = [];
      const started = performance.now();
      chats = await pool(customers.length, command.concurrency, async (index) => {
        const customer = customers[index];
        if (!customer) throw new Error('missing customer');
        const chat = await current.startChat(customer, command.indexBase + index, () => {
          enqueuedAt[index] = performance.now();
        });
        return chat;
      });
      // Assignment times were reported through onDelivered('assigned:<i>').
      for (let index = 0; index < customers.length; index += 1) {
        notifiedAt[index] = assignedAt.get(command.indexBase + index) ?? NaN;
      }
      const latencies = notifiedAt.map((at, index) => at - (enqueuedAt[index] ?? NaN));
      const spanMs = Math.max(...notifiedAt) - started;
      const stats = {
        startAckMs: startStats.ackMs.splice(0),
        startTimeouts: startStats.timeouts,
        startRefusals: startStats.refusals,
      };
      startStats.timeouts = 0;
      startStats.refusals = 0;
      return { reply: 'result', completed: chats.length, windowMs: spanMs, latencies, errors: 0, ...stats };
    }
    case 'load':
      loading = load(command.inFlight);
      return { reply: 'ok' };
    case 'mark':
      loading?.mark();
      return { reply: 'ok' };
    case 'stop': {
      if (!loading) throw new Error('not loading');
      const result = await loading.stop();
      loading = undefined;
      return result;
    }
    case 'nudge-round': {
      const started = performance.now();
      const latencies = await pool(chats.length, command.concurrency, async (index) => {
        const chat = chats[index];
        if (!chat?.reply || !chat.nextNudge) throw new Error('check-ins need Switchboard chats');
        const nudged = chat.nextNudge();
        await chat.send(nextMessageId(), BODY);
        const repliedAt = await chat.reply(nextMessageId(), 'Could you tell me the serial number on the box?');
        const storedAt = await Promise.race([
          nudged,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no check-in in chat ${index}`)), command.nudgeMs + 60_000).unref(),
          ),
        ]);
        return storedAt - (repliedAt + command.nudgeMs);
      });
      return {
        reply: 'result',
        completed: latencies.length,
        windowMs: performance.now() - started,
        latencies,
        errors: 0,
      };
    }
    case 'close-chats':
      await pool(chats.length, 10, (index) => chats[index]?.close() ?? Promise.resolve());
      chats = [];
      return { reply: 'ok' };
    case 'disconnect':
      target?.disconnectAll();
      customers = [];
      chats = [];
      return { reply: 'ok' };
    case 'exit':
      target?.disconnectAll();
      setTimeout(() => process.exit(0), 50);
      return { reply: 'ok' };
  }
}

process.on('message', (message: ClientCommand & { seq: number }) => {
  handle(message).then(
    (reply) => process.send?.({ ...reply, seq: message.seq }),
    (error: unknown) =>
      process.send?.({
        reply: 'error',
        message: error instanceof Error ? error.message : String(error),
        seq: message.seq,
      }),
  );
});
process.send?.({ reply: 'ok', seq: 0 });
