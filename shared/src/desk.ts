import type { z } from 'zod';
import type { ConversationView, CustomerView } from './conversations.js';
import type { QueueEntry } from './routing.js';
import type { deskTranscriptSendSchema } from './schemas/desk.js';

/**
 * A conversation as the agent desk sees it: the customer-facing
 * {@link ConversationView} plus what only agents need to serve the customer
 * (identity, where they came from, who is waiting on whom, receipts). Sent
 * on the `/agent` namespace only; the customer-facing view stays as it is.
 */
export interface AgentConversationView extends ConversationView {
  customer: CustomerView;
  region?: string;
  /** The support page the chat was started from. */
  pageUrl?: string;
  /** The customer's browser, as the widget reported it. */
  userAgent?: string;
  lastCustomerMessageAt?: string;
  lastAgentMessageAt?: string;
  /**
   * Since when the customer has been waiting for the agent: their first
   * message after the agent last wrote (absent while it is the customer's
   * turn). As stored, which trails the messages by a moment.
   */
  waitingSince?: string;
  /** Both sides' delivered/read marks (see ReceiptUpdated). */
  receipts: {
    customer: { deliveredSeq: number; readSeq: number };
    agent: { deliveredSeq: number; readSeq: number };
  };
  disposition?: string;
}

/** Why a chat left an agent's desk while they held it. */
export const RELEASE_REASONS = ['reassigned', 'taken-over', 'transferred', 'requeued'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/**
 * `conversation.released` on `/agent`, to every socket of the agent who held
 * the chat (on every server process), the moment it leaves them: reassigned
 * or taken over by a supervisor, transferred (by them or a supervisor), or put
 * back in the queue. Their desk stops offering a composer for it and says
 * why ("Reassigned to Lei by Sam"); they can no longer read or write it.
 */
export interface ConversationReleased {
  conversationId: string;
  caseNumber: string;
  reason: ReleaseReason;
  /** Who moved it; absent when the system did (the idle timer's requeue). */
  byName?: string;
  byAgentId?: string;
  /** Where it went: the agent now holding it, or the team whose queue it joined. */
  toAgentName?: string;
  toDepartmentName?: string;
}

/** How long a customer may wait for the agent's reply before the desk warns (amber) and alarms (red). */
export interface ReplySla {
  amberMs: number;
  redMs: number;
}

/** `GET /api/desk/settings`: what the desk needs from the deployment's configuration. */
export interface DeskSettings {
  /** The deployment's thresholds (DESK_REPLY_AMBER / DESK_REPLY_RED). */
  replySla: ReplySla;
  /** Departments with their own agent-reply SLA, by department id: their chats use these instead. */
  departmentReplySla: Record<string, ReplySla>;
}

/** The satisfaction a customer gave one conversation (1–5, a comment), as the desk shows it. */
export interface SatisfactionView {
  rating: number;
  comment?: string;
  ratedAt: string;
}

/** `GET /api/conversations/:id/satisfaction`. */
export interface ConversationSatisfaction {
  satisfaction: SatisfactionView | null;
}

export type DeskTranscriptSend = z.infer<typeof deskTranscriptSendSchema>;

/**
 * `queue.changed` on `/agent`: the waiting chats of one queue as they are
 * now, pushed (debounced) to the agents of that department and to
 * supervisors; the general queue's go to every agent. Replaces what the desk
 * holds for that queue; `queue.list` after every (re)connect catches up.
 */
export interface QueueChanged {
  /** Null for the general queue (topics no department claims). */
  departmentId: string | null;
  entries: QueueEntry[];
}

/**
 * `knowledge.changed` on `/agent`: an admin or supervisor created, changed,
 * archived or restored a canned response or an article. Open desks load that
 * list again, so nobody suggests a withdrawn answer until their next reload.
 */
export interface KnowledgeChanged {
  kind: 'canned' | 'article';
}

/** One of a customer's conversations, for the desk's "previous conversations" list. */
export interface CustomerConversationSummary {
  id: string;
  caseNumber: string;
  status: ConversationView['status'];
  topic: string;
  language: ConversationView['language'];
  agentName?: string;
  createdAt: string;
  closedAt?: string;
  disposition?: string;
  /** What the customer rated it, when they did. */
  satisfaction?: SatisfactionView;
}

/**
 * A team a chat may be handed to, with who can take it now: the desk
 * warns before handing a chat to a team nobody can answer for.
 */
export interface TransferTargetDepartment {
  id: string;
  name: string;
  /** Open by its opening hours (always, without hours). */
  openNow: boolean;
  /**
   * Agents of the team whose status is online, not counting the agent who
   * asks: a chat they hand over is never routed back to them.
   */
  agentsOnline: number;
  /** Of those, how many have a free slot for another chat. */
  agentsWithRoom: number;
  /**
   * Seconds a chat handed over now would wait (it goes to the front of the
   * queue, behind other handed-over chats), from the estimate customers are
   * shown; null when there is nothing honest to say (closed, nobody online, no history yet).
   */
  estimatedWaitSeconds: number | null;
}

/** `GET /api/desk/transfer-targets`: where an agent may hand a chat. */
export interface TransferTargets {
  departments: TransferTargetDepartment[];
  /** Other active agents who are online or away (the server still checks their free capacity). */
  agents: { id: string; displayName: string; status: 'online' | 'away' | 'offline' }[];
}
