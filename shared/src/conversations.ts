import { z } from 'zod';
import { singleLineSchema, webUrlSchema } from './text.js';
import { localeSchema, objectIdSchema, type Locale } from './ids.js';
import { isTimeZone } from './time-zone.js';

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
  createdAt: string;
  firstAgentReplyAt?: string;
  closedAt?: string;
  /** A message left while nobody could chat (W5): agents answer it by email. */
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

const shortText = singleLineSchema;

/** What the widget's pre-chat form (or the host page) tells us. */
export const prechatSchema = z
  .object({
    name: shortText(100).optional(),
    email: z.email().max(254).optional(),
    topic: shortText(100),
    language: localeSchema,
    region: shortText(64).optional(),
    pageUrl: webUrlSchema.optional(),
    userAgent: z.string().max(512).optional(),
    /** The customer's IANA time zone (the widget reads the browser's): emails show times in it. */
    timeZone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris').optional(),
  })
  .strict();
export type Prechat = z.infer<typeof prechatSchema>;

/**
 * Starts (or returns) the customer's live conversation. At most one live chat
 * per visitor: starting again while one is queued or active answers that one.
 */
export const conversationStartSchema = z.object({ prechat: prechatSchema }).strict();
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

export const agentConversationCloseSchema = z
  .object({ conversationId: objectIdSchema, disposition: z.enum(DISPOSITIONS).default('resolved') })
  .strict();
export type AgentConversationClose = z.input<typeof agentConversationCloseSchema>;

export const conversationRefSchema = z.object({ conversationId: objectIdSchema }).strict();
export type ConversationRef = z.infer<typeof conversationRefSchema>;

export type { Locale };
