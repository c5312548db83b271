import type { AckResult } from '../ack.js';
import type { ErrorPayload } from '../errors.js';
import type { HandshakeAuth } from '../handshake.js';

/**
 * The part of a socket.io-client `Socket` a protocol client uses: the apps
 * pass `io(...)`, unit tests the fake transport. Event names are plain
 * strings here, as on the wire; {@link ProtocolClient} is what types them by
 * the namespace's event maps.
 */
export interface SocketPort {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  connect(): unknown;
  disconnect(): unknown;
}

/**
 * Makes the socket, not connected yet (the client connects once its
 * listeners are on). `auth` is read on every (re)connect, so a new visitor
 * token or identity is presented.
 */
export type SocketFactory<Extra extends object = object> = (auth: () => HandshakeAuth & Extra) => SocketPort;

/** What socket.io-client emits by itself, beside the namespace's events. */
export interface ConnectionEvents {
  connect: () => void;
  /** `reason` 'io server disconnect': the server let go of us, and socket.io will not reconnect by itself. */
  disconnect: (reason: string) => void;
  /** The transport failed, or the server refused the handshake (`data`: its error). */
  connect_error: (error: Error & { data?: ErrorPayload }) => void;
}

type Args<Events, E extends keyof Events> = Events[E] extends (...args: infer A) => void ? A : never;

/** The payload of a client event, e.g. `PayloadOf<CustomerClientEvents, 'message.send'>` is MessageSend. */
export type PayloadOf<Events, E extends keyof Events> = Args<Events, E>[0];

/** What an acknowledged client event answers, e.g. `AckOf<CustomerClientEvents, 'message.send'>` is MessageSent. */
export type AckOf<Events, E extends keyof Events> =
  Args<Events, E> extends [unknown, ((result: AckResult<infer T>) => void)?] ? T : never;

type Names<Events> = keyof Events & string;

/** Client events whose sender waits for the server's ack. */
export type RequestName<Events> = Names<Events> &
  { [E in keyof Events]: Args<Events, E> extends [unknown, (result: never) => void] ? E : never }[keyof Events];

/** Client events sent without waiting for an answer (typing, receipts). */
export type SignalName<Events> = Names<Events> & Exclude<Names<Events>, RequestName<Events>>;

/** Handlers for some of the events a socket hears: its namespace's server events and the connection's own. */
export type EventHandlers<Listen> = {
  [E in keyof (Listen & ConnectionEvents)]?: (Listen & ConnectionEvents)[E];
};
