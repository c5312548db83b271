import { PROTOCOL_VERSION, type AckResult, type NamespaceName } from '@switchboard/shared';
import { io, type Socket } from 'socket.io-client';

export type SocketTransport = 'websocket' | 'polling';

/** A raw Socket.IO client for tests: websocket only, no automatic reconnection unless asked. */
export function connectSocket(
  baseUrl: string,
  namespace: NamespaceName,
  options: {
    auth?: Record<string, unknown>;
    reconnection?: boolean;
    extraHeaders?: Record<string, string>;
    /** Default websocket only; `['polling']` makes a long-polling-only client (tests/cluster). */
    transports?: SocketTransport[];
  } = {},
): Socket {
  return io(`${baseUrl}/${namespace}`, {
    transports: options.transports ?? ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
    auth: options.auth ?? { protocolVersion: PROTOCOL_VERSION },
    ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
  });
}

export function waitForConnect(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) {
      resolve();
      return;
    }
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** The `connect_error` a refused handshake produces (rejects if the socket connects instead). */
export function waitForConnectError(socket: Socket): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => resolve(error as Error & { data?: unknown }));
    socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
  });
}

/** Emits with an ack and a timeout; resolves with the server's ack result. */
export function request<T = unknown>(socket: Socket, event: string, ...args: unknown[]): Promise<AckResult<T>> {
  return socket.timeout(5_000).emitWithAck(event, ...args) as Promise<AckResult<T>>;
}
