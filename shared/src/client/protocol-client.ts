import type { AckResult } from '../ack.js';
import { AppError, type ErrorPayload } from '../errors.js';
import { PROTOCOL_VERSION } from '../protocol-version.js';
import { HandshakeRetry } from './handshake-retry.js';
import type {
  AckOf,
  EventHandlers,
  PayloadOf,
  RequestName,
  SignalName,
  SocketFactory,
  SocketPort,
} from './socket-port.js';

/** No ack in time (or the connection dropped), shaped like a server error so callers handle one thing. */
export const TIMEOUT_ERROR: ErrorPayload = {
  code: 'TIMEOUT',
  message: 'The server did not answer in time.',
  retryable: true,
};

export interface ProtocolClientOptions<Extra extends object> {
  createSocket: SocketFactory<Extra>;
  /** What the handshake carries beside the protocol version (a visitor token, an identity); read on every connect. */
  handshake?: () => Extra;
  ackTimeoutMs: number;
}

/**
 * One socket of a namespace, typed by its event maps: `Listen` is what the
 * server sends, `Emit` what the client may send. Handlers, payloads and acks
 * are checked against the maps when compiling, so an event name or a reply
 * type cannot be made up at the call site. Every handshake carries
 * PROTOCOL_VERSION, and a handshake the server refuses for now is tried
 * again later ({@link HandshakeRetry}). The widget's chat client, the desk
 * and the supervisor console each hold one.
 */
export class ProtocolClient<Listen extends object, Emit extends object, Extra extends object = object> {
  private readonly socket: SocketPort;
  private readonly unbind: (() => void)[] = [];
  private readonly retry = new HandshakeRetry(() => this.socket.connect());

  constructor(private readonly options: ProtocolClientOptions<Extra>) {
    const extra = options.handshake ?? (() => ({}) as Extra);
    this.socket = options.createSocket(() => ({ ...extra(), protocolVersion: PROTOCOL_VERSION }));
    this.listen('connect_error', this.retry.onConnectError);
    // Both namespaces answer an accepted handshake with `session.ready`.
    this.listen('session.ready', this.retry.onSessionReady);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Listens until `dispose`. */
  on(handlers: EventHandlers<Listen>): void {
    for (const [event, handler] of Object.entries(handlers) as [string, (...args: never[]) => void][]) {
      this.listen(event, handler);
    }
  }

  connect(): void {
    this.socket.connect();
  }

  /** Closes the socket; a handshake attempt planned after a refusal is dropped too. */
  disconnect(): void {
    this.retry.cancel();
    this.socket.disconnect();
  }

  /** A client event nobody waits on (typing, receipts). */
  emit<E extends SignalName<Emit>>(event: E, payload: PayloadOf<Emit, E>): void {
    this.socket.emit(event, payload);
  }

  /** The server's ack as it came; rejects when none came in time (for the Outbox, which decides on retries). */
  ack<E extends RequestName<Emit>>(event: E, payload: PayloadOf<Emit, E>): Promise<AckResult<AckOf<Emit, E>>> {
    return this.socket.timeout(this.options.ackTimeoutMs).emitWithAck(event, payload) as Promise<
      AckResult<AckOf<Emit, E>>
    >;
  }

  /** The server's ack, never a rejection: no ack in time answers {@link TIMEOUT_ERROR}. */
  async ask<E extends RequestName<Emit>>(event: E, payload: PayloadOf<Emit, E>): Promise<AckResult<AckOf<Emit, E>>> {
    try {
      return await this.ack(event, payload);
    } catch {
      return { ok: false, error: TIMEOUT_ERROR };
    }
  }

  /** For requests carrying their own idempotency id: asked again while the refusal says it may work later. */
  async askWithRetry<E extends RequestName<Emit>>(
    event: E,
    payload: PayloadOf<Emit, E>,
    attempts = 3,
  ): Promise<AckResult<AckOf<Emit, E>>> {
    let result = await this.ask(event, payload);
    for (let attempt = 1; attempt < attempts && !result.ok && result.error.retryable; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      result = await this.ask(event, payload);
    }
    return result;
  }

  /** Stops listening and closes the socket. */
  dispose(): void {
    for (const unbind of this.unbind.splice(0)) unbind();
    this.disconnect();
  }

  private listen(event: string, handler: (...args: never[]) => void): void {
    this.socket.on(event, handler);
    this.unbind.push(() => this.socket.off(event, handler));
  }
}

/**
 * A request's data; a refusal, or no answer in time, is thrown as an AppError
 * (the agent app's way). A function rather than a method so that a client
 * reading acks itself (the widget, whose first render is budgeted) does not
 * ship the error table.
 */
export async function request<Emit extends object, E extends RequestName<Emit>>(
  protocol: ProtocolClient<object, Emit>,
  event: E,
  payload: PayloadOf<Emit, E>,
): Promise<AckOf<Emit, E>> {
  const result = await protocol.ask(event, payload);
  if (!result.ok) throw AppError.fromPayload(result.error);
  return result.data;
}
