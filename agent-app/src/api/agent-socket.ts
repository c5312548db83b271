import type { AgentClientEvents, AgentServerEvents } from '@switchboard/shared';
import type { ProtocolClient, SocketFactory, SocketPort } from '@switchboard/shared/client';
import { io } from 'socket.io-client';

/** A socket of the `/agent` namespace, typed by its event maps (the desk and the supervisor console each hold one). */
export type AgentProtocol = ProtocolClient<AgentServerEvents, AgentClientEvents>;

/**
 * The `/agent` namespace on the page's own origin; the session cookie
 * authenticates the handshake. (socket.io-client types its methods per event
 * name; the port takes plain names, and ProtocolClient types them by the maps.)
 */
export const agentSocket: SocketFactory = (auth) =>
  io('/agent', {
    transports: ['websocket'],
    withCredentials: true,
    autoConnect: false,
    auth: (send) => send(auth()),
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  }) as unknown as SocketPort;
