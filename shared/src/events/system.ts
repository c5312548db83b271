import type { z } from 'zod';
import type { Ack } from '../ack.js';
import type { systemPingSchema } from '../schemas/system.js';

/**
 * Event maps follow Socket.IO's function-signature style: the key is the
 * event name (`resource.verb` from clients, `resource.event` from the server),
 * the function is its payload and ack. Each client event has one zod schema
 * in `@switchboard/shared/schemas` (`customerEventSchemas`,
 * `agentEventSchemas`), checked against these maps; the server parses with it.
 */

export type SystemPing = z.infer<typeof systemPingSchema>;

export interface SystemPong {
  sentAt: number;
  serverTime: number;
}

/** Events every namespace accepts. */
export interface SystemClientEvents {
  /** Round trip for liveness and clock offset. */
  'system.ping': (payload: SystemPing, ack: Ack<SystemPong>) => void;
}

/** Events the server sends on every namespace. */
export interface SystemServerEvents {
  /**
   * This server process is stopping gracefully and is about to disconnect the
   * socket; reconnect (to another process) right away and catch up from the last seq.
   */
  'system.shutdown': () => void;
}
