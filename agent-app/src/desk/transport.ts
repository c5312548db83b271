import { PROTOCOL_VERSION } from '@switchboard/shared';
import { io } from 'socket.io-client';

/**
 * The part of a Socket.IO client the desk uses. Tests hand the client a fake
 * with the same shape, so the class is tested without a server or a browser.
 */
export interface DeskTransport {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  connect(): unknown;
  disconnect(): unknown;
}

/** The `/agent` namespace on the page's own origin; the session cookie authenticates the handshake. */
export function createSocketTransport(): DeskTransport {
  const socket = io('/agent', {
    transports: ['websocket'],
    withCredentials: true,
    auth: { protocolVersion: PROTOCOL_VERSION },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
  // Listeners are typed by the desk client per event; the socket itself is untyped here.
  type Listener = (...args: unknown[]) => void;
  return {
    get connected() {
      return socket.connected;
    },
    on: (event, listener) => socket.on(event, listener as Listener),
    off: (event, listener) => socket.off(event, listener as Listener),
    emit: (event, ...args) => socket.emit(event, ...args),
    timeout: (ms) => socket.timeout(ms),
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
  };
}
