import type { z } from 'zod';
import type { Locale } from './locales.js';
import { isTimeZone } from './time-zone.js';
import type {
  openingSchema,
  businessHoursSchema,
  departmentTopicSchema,
  departmentCreateSchema,
  departmentUpdateSchema,
  queueListSchema,
  conversationTransferSchema,
  leaveMessageSchema,
} from './schemas/routing.js';

export { isTimeZone };

/**
 * Routing and queues protocol: departments and their business
 * hours, queue position and wait estimates, transfer, manual pickup and the
 * offline message.
 */

/**
 * Capacity of an agent who has none of their own and whose departments set
 * no default. Precedence: the agent's own capacity, else the smallest
 * `defaultCapacity` among their live departments, else this.
 */
export const DEFAULT_AGENT_CAPACITY = 3;

export const ROUTING_STRATEGIES = ['least-loaded', 'round-robin'] as const;
/** `least-loaded`: fewest active chats, ties by longest since last assignment. `round-robin`: longest since last assignment. */
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Opening = z.infer<typeof openingSchema>;
export type BusinessHours = z.infer<typeof businessHoursSchema>;
export type DepartmentTopic = z.infer<typeof departmentTopicSchema>;

/** A department's auto-requeue switched off (not "the deployment's", which is null). */
export const AUTO_REQUEUE_OFF = 'off';

export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;
export type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;

/**
 * What a department's threshold left to the deployment means right now
 * (`GET /api/departments` answers it beside the list), so the console can
 * say "Deployment default (2 min)" rather than leave it a mystery.
 */
export interface DepartmentDefaults {
  defaultCapacity: number;
  customerIdleNudgeSeconds: number;
  customerIdleCloseSeconds: number;
  agentReplySlaSeconds: number;
  /** Null: the deployment does not requeue flagged chats. */
  autoRequeueSeconds: number | null;
}

export interface DepartmentView {
  id: string;
  name: string;
  /** The name customers read, per language (i18n/localized-name.ts). */
  names: Partial<Record<Locale, string>>;
  topics: DepartmentTopic[];
  languages: Locale[];
  hours: BusinessHours | null;
  strategy: RoutingStrategy;
  languageFallbackSeconds: number | null;
  maxQueueWaitSeconds: number | null;
  /** For agents without their own capacity; null: the deployment's. See the README's Routing section. */
  defaultCapacity: number | null;
  /** Idle thresholds (the customer's check-in and close, the agent-reply SLA) in seconds; null: the deployment's. */
  customerIdleNudgeSeconds: number | null;
  customerIdleCloseSeconds: number | null;
  agentReplySlaSeconds: number | null;
  /** Auto-requeue after this many seconds flagged; `'off'`: never here; null: the deployment's AGENT_IDLE_REQUEUE. */
  autoRequeueSeconds: number | typeof AUTO_REQUEUE_OFF | null;
  /** Archived departments keep their history but route nothing and offer no topics. */
  archived: boolean;
  /** Open now by its business hours. */
  openNow: boolean;
}

/** `GET /api/public/topics`: what the widget's pre-chat form offers. No internal data. */
export interface PublicTopic {
  key: string;
  labels: Partial<Record<Locale, string>>;
  languages: Locale[];
  openNow: boolean;
  /** When closed: the next opening (ISO), as in {@link QueueUpdate.nextOpeningAt}; else null. */
  nextOpeningAt: string | null;
}

/** Why the customer is offered the offline message instead of (or besides) waiting. */
export const OFFLINE_REASONS = ['closed', 'no-agents', 'max-wait'] as const;
export type OfflineReason = (typeof OFFLINE_REASONS)[number];

/**
 * `queue.updated` (server → customer) and the answer of `queue.status`: the
 * customer's place and wait. `estimatedWaitSeconds` is null when there is
 * nothing honest to say (no recent handling times, no agents); see the
 * README's Routing section for the formula.
 */
export interface QueueUpdate {
  conversationId: string;
  /** 1 = next. 0 when the conversation is no longer waiting (assigned or closed). */
  position: number;
  /** Conversations waiting in this queue. */
  queueLength: number;
  estimatedWaitSeconds: number | null;
  departmentOpen: boolean;
  /**
   * While the department is closed, when it opens next (ISO instant, from
   * its business hours, time zone and holidays); null when open, always open,
   * or no opening is scheduled in the coming year. Show it in the customer's
   * own time zone ("We open again Monday at 09:00").
   */
  nextOpeningAt: string | null;
  /** Set when the widget should offer the offline message, with why. */
  offline: OfflineReason | null;
}

/** A waiting conversation as agents see the queue (`queue.list`). */
export interface QueueEntry {
  conversationId: string;
  caseNumber: string;
  topic: string;
  language: Locale;
  departmentId?: string;
  customerName?: string;
  /** ISO time it entered the queue (a transfer keeps it). */
  queuedAt: string;
  position: number;
  /** Put back at the front by a transfer. */
  priority: boolean;
  /** A message left while nobody could chat: answered by email. */
  offline: boolean;
}

export interface QueueListing {
  entries: QueueEntry[];
}

/** Per-department figures for supervisors (`queue.stats` to the supervisors room, `GET /api/routing/queues`). */
export interface DepartmentQueueStats {
  /** Null for the general queue (topics no department claims). */
  departmentId: string | null;
  name: string;
  open: boolean;
  /** Chats waiting for an agent (offline messages not included: they wait for a pickup, not routing). */
  queued: number;
  longestWaitSeconds: number;
  /** Messages left while nobody could chat, waiting for an agent to pick them up and answer by email. */
  offlineWaiting: number;
  /** How long the oldest of those has waited; 0 when there is none. */
  longestOfflineWaitSeconds: number;
  agentsOnline: number;
  freeSlots: number;
  totalSlots: number;
  medianHandlingSeconds: number | null;
  /** What a customer joining now would be told. */
  estimatedWaitSeconds: number | null;
}

export interface QueueStats {
  departments: DepartmentQueueStats[];
  at: string;
}

export type QueueList = z.infer<typeof queueListSchema>;
export type ConversationTransfer = z.infer<typeof conversationTransferSchema>;

/** To the receiving agent and supervisors on `/agent`. */
export interface ConversationTransferred {
  conversationId: string;
  fromAgentId?: string;
  toAgentId?: string;
  toDepartmentId?: string;
  note?: string;
}

export type LeaveMessage = z.infer<typeof leaveMessageSchema>;

export interface MessageLeft {
  conversationId: string;
  caseNumber: string;
  /** Where the reply will go. */
  email: string;
  /** The visitor was created by this call: keep the token as after `conversation.start`. */
  visitorToken?: string;
}
