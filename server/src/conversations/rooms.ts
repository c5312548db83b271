import { agentRoom } from '../auth/principal.js';

/**
 * Socket.IO room names. A conversation has two rooms so that internal notes
 * are emitted only to agents: a customer socket is never in an agents room.
 */
export const rooms = {
  conversationCustomers: (conversationId: string) => `conv:${conversationId}:c`,
  conversationAgents: (conversationId: string) => `conv:${conversationId}:a`,
  /** Every socket (tab) of one customer. */
  customer: (customerId: string) => `customer:${customerId}`,
  /** Every socket of one agent (joined by the auth middleware). */
  agent: agentRoom,
} as const;

/** The conversation of an agents room (`rooms.conversationAgents`), else null. */
export function conversationOfAgentsRoom(room: string): string | null {
  return /^conv:([0-9a-f]{24}):a$/.exec(room)?.[1] ?? null;
}
