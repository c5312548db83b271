import type { AckResult } from '../ack.js';
import type { ErrorPayload } from '../errors.js';
import type { HandshakeAuth } from '../handshake.js';
import type { SocketPort } from './socket-port.js';

type Listener = (...args: never[]) => void;

/** How the test's server answers a request: an ack, or none ('no-ack': the client's timeout, without the wait). */
export type Responder = (payload: never) => AckResult<unknown> | Promise<AckResult<unknown>> | 'no-ack';

/**
 * socket.io-client's side of a socket, for unit tests of the protocol
 * clients (the widget's, the desk's, the supervisor console's), with the
 * test playing the server: `respond` answers requests, `serverEmit` sends
 * events, `drop` breaks the connection, `refusal` refuses handshakes. A
 * request nobody answers, or made while disconnected, fails as an ack
 * timeout does.
 */
export class FakeTransport<Auth extends HandshakeAuth = HandshakeAuth> implements SocketPort {
  connected = false;
  /** The handshake presented on each connect. */
  readonly auths: Auth[] = [];
  /** Events sent without an ack (typing, receipts). */
  readonly emitted: { event: string; payload: unknown }[] = [];
  /** Every attempt of every request, answered or not. */
  readonly requests: { event: string; payload: unknown }[] = [];
  disconnects = 0;
  /** While set, the server refuses every handshake with it (busy, database away, session expired). */
  refusal: ErrorPayload | undefined;
  private auth: (() => Auth) | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly responders = new Map<string, Responder>();

  /** The client's socket factory: it hands over how to make the handshake and gets this fake. */
  readonly factory = (auth: () => Auth): this => {
    this.auth = auth;
    return this;
  };

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, payload?: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }

  timeout(): { emitWithAck(event: string, payload: unknown): Promise<unknown> } {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.requests.push({ event, payload });
        const answer = this.connected ? await this.responders.get(event)?.(payload as never) : undefined;
        if (answer === undefined || answer === 'no-ack') throw new Error('operation has timed out');
        return answer;
      },
    };
  }

  connect(): this {
    if (this.auth) this.auths.push(this.auth());
    if (this.refusal) {
      this.refuseHandshake(this.refusal);
      return this;
    }
    this.connected = true;
    this.serverEmit('connect');
    return this;
  }

  disconnect(): this {
    this.disconnects += 1;
    this.drop('io client disconnect');
    return this;
  }

  /** The connection breaks (or, with 'io server disconnect', the server lets go). */
  drop(reason = 'transport close'): void {
    if (!this.connected) return;
    this.connected = false;
    this.serverEmit('disconnect', reason);
  }

  /** The server refuses the handshake: socket.io's `connect_error` carrying the refusal, and no connection. */
  refuseHandshake(refusal: ErrorPayload): void {
    this.connected = false;
    this.serverEmit('connect_error', Object.assign(new Error(refusal.message), { data: refusal }));
  }

  /** How the test's server answers a request from now on. */
  respond(event: string, responder: Responder): void {
    this.responders.set(event, responder);
  }

  /** An event reaching the client: from the server, or socket.io's own (`connect_error`). */
  serverEmit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...values: unknown[]) => void)(...args);
  }

  listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
