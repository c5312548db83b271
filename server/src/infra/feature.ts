import type { NamespaceName } from '@switchboard/shared';
import type { Router } from 'express';
import type { Socket } from 'socket.io';
import type { AfterAckTask, SocketEventHandlers } from './socket-handler.js';

/** What a socket event handler receives besides its parsed payload. */
export interface SocketContext {
  socket: Socket;
  /** Runs `task` after the ack is sent (broadcasts follow the ack on the message path). */
  afterAck: (task: AfterAckTask) => void;
}

type Middleware = (socket: Socket, next: (error?: Error) => void) => void;

/**
 * A feature's contribution to the server. app.ts mounts every feature listed
 * in features.ts the same way, so a feature never edits app.ts.
 */
export interface Feature {
  name: string;
  /** Express routes, mounted at the root in feature order (REST paths start with /api/). */
  routes?: Router;
  /** Handshake middlewares per namespace, run after the protocol-version check (e.g. authentication). */
  middlewares?: Partial<Record<NamespaceName, Middleware[]>>;
  /** Client events per namespace, parsed and answered by bindSocketHandlers. */
  handlers?: Partial<Record<NamespaceName, SocketEventHandlers<SocketContext>>>;
  /** Called for each new socket after its handlers are bound (join rooms, presence, catch-up). */
  onConnection?: Partial<Record<NamespaceName, (socket: Socket) => void | Promise<void>>>;
  /** After the server listens (start workers, timers). */
  start?(): Promise<void>;
  /** On graceful stop, before sockets and connections close (stop workers). */
  stop?(): Promise<void>;
}
