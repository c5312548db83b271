import type { AckResult, CustomerClientEvents, CustomerHandshake } from '@switchboard/shared';

/**
 * The part of a socket.io-client `Socket` the chat client uses. Unit tests
 * pass a fake with the same shape; the app passes `io(...)`.
 */
export interface ChatSocket {
  readonly connected: boolean;
  on(event: string, handler: (...args: never[]) => void): unknown;
  off(event: string, handler: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  connect(): unknown;
  disconnect(): unknown;
}

/** Makes the socket; `auth` is read on every (re)connect so a new token or identity is presented. */
export type SocketFactory = (auth: () => CustomerHandshake) => ChatSocket;

/** What an acknowledged customer event answers, e.g. `AckData<'conversation.start'>` is ConversationStarted. */
export type AckData<E extends keyof CustomerClientEvents> =
  Parameters<CustomerClientEvents[E]> extends [unknown, ((result: AckResult<infer T>) => void)?] ? T : never;

/** The payload of a customer event. */
export type Payload<E extends keyof CustomerClientEvents> = Parameters<CustomerClientEvents[E]>[0];

/** A timeout or a dropped connection, shaped like a server error so callers handle one thing. */
export const TIMEOUT_ERROR = {
  code: 'TIMEOUT',
  message: 'The server did not answer in time.',
  retryable: true,
} as const;
