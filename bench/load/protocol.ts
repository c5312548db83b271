/** Commands the harness sends a load client (bench/load/client.ts) and its replies, over IPC. */
import type { AgentCredentials, TargetKind } from './targets.js';

/**
 * A distinct loopback address per customer (127.0.0.0/8 is all ours on
 * Linux): the server limits chat starts per address, as it should.
 * `index` comes from takeAddresses (bench/scenarios/chat.ts), unique per run.
 */
export const addressFor = (index: number) => `127.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255 || 1}`;

export interface SetupCommand {
  cmd: 'setup';
  target: TargetKind;
  url: string;
  /** One entry per agent socket (relay agents need no credentials: pass `{}`-like placeholders). */
  agents: (AgentCredentials | undefined)[];
  /** Customers to connect (each on its own loopback address). */
  customers: number;
  /** Chats this client will start (sizes the relay's rooms per agent). */
  chats: number;
  /** First loopback address index; unique across the whole run. */
  addressBase: number;
  /** Connections opened at once. */
  concurrency: number;
}

export type ClientCommand =
  | SetupCommand
  /** Starts a chat for every connected customer; result: enqueue → agent-notified latencies. */
  | { cmd: 'start-chats'; concurrency: number; indexBase: number }
  /** Starts the closed loop; `mark` opens the counted window, `stop` closes it and drains. */
  | { cmd: 'load'; inFlight: number }
  | { cmd: 'mark' }
  | { cmd: 'stop' }
  | { cmd: 'close-chats' }
  /**
   * Switchboard, chats started: in every chat the customer writes, the agent
   * answers, and the customer stays silent; result: per chat, when its idle
   * check-in was stored minus when it was due (reply stored + `nudgeMs`).
   */
  | { cmd: 'nudge-round'; nudgeMs: number; concurrency: number }
  | { cmd: 'disconnect' }
  | { cmd: 'exit' };

export type ClientReply =
  | { reply: 'ok' }
  | { reply: 'error'; message: string }
  | {
      reply: 'result';
      /** Messages (or chats) completed inside the window. */
      completed: number;
      windowMs: number;
      /** Per item, milliseconds. */
      latencies: number[];
      errors: number;
      /** start-chats (Switchboard): every `conversation.start` attempt's time to its ack, ms. */
      startAckMs?: number[];
      /** start-chats: attempts that got no ack within the client's timeout (then retried). */
      startTimeouts?: number;
      /** start-chats: retryable refusals (e.g. STORE_UNAVAILABLE), retried as the widget does. */
      startRefusals?: number;
    };
