import type { z } from 'zod';
import type { Locale } from './locales.js';
import type {
  prechatSchema,
  conversationStartSchema,
  agentConversationCloseSchema,
  conversationRefSchema,
} from './schemas/conversations.js';

export const CONVERSATION_STATUSES = ['queued', 'active', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** The agent a customer sees: their real display name and photo. */
export interface AgentCard {
  id: string;
  displayName: string;
  avatarUrl?: string;
}

export interface ConversationView {
  id: string;
  /** Human-readable, unique, given at creation: `SB-2026-000123`. */
  caseNumber: string;
  status: ConversationStatus;
  topic: string;
  departmentId?: string;
  language: Locale;
  agent?: AgentCard;
  /** Highest seq allocated so far. */
  lastSeq: number;
  /**
   * Counts the chat's state changes (assigned, transferred, closed…): of two
   * views of one chat, the one with the larger `rev` is the later. An answer
   * (a start, a catch-up) may be read before a change whose broadcast reaches
   * the client first; the client keeps the later view.
   */
  rev?: number;
  createdAt: string;
  firstAgentReplyAt?: string;
  closedAt?: string;
  /** A message left while nobody could chat: agents answer it by email. */
  offline?: boolean;
  /**
   * How far the agent side has delivered and read the customer's messages, as
   * stored: a widget that reloads shows "Read" again without waiting for a new
   * `receipt.updated`.
   */
  agentReceipts?: { deliveredSeq: number; readSeq: number };
}

export interface CustomerView {
  id: string;
  name?: string;
  email?: string;
  /** Identified by the host site with a valid HMAC of the account id; never says anything about name or email. */
  verified: boolean;
}

export type Prechat = z.infer<typeof prechatSchema>;
export type ConversationStart = z.infer<typeof conversationStartSchema>;

export interface ConversationStarted {
  conversation: ConversationView;
  customer: CustomerView;
  /**
   * Present when this start created the visitor: the widget stores it and
   * presents it in the handshake to resume. Never sent again.
   */
  visitorToken?: string;
  /** False when an existing live conversation was returned. */
  created: boolean;
}

/** How an agent closes a chat (reports group by it). */
export const DISPOSITIONS = ['resolved', 'follow-up', 'transferred-out', 'no-response', 'spam', 'other'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export type AgentConversationClose = z.input<typeof agentConversationCloseSchema>;
export type ConversationRef = z.infer<typeof conversationRefSchema>;

export type { Locale };
