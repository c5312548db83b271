import { z } from 'zod';
import { hasVisibleText, singleLineSchema } from './text.js';
import { clientMessageIdSchema, localeSchema, objectIdSchema, SUPPORTED_LOCALES, type Locale } from './ids.js';
import { prechatSchema } from './conversations.js';
import { isTimeZone } from './time-zone.js';

export { isTimeZone };
import { MAX_MESSAGE_BYTES, utf8Length } from './messages.js';

/**
 * Routing and queues protocol (R1–R6, W5): departments and their business
 * hours, queue position and wait estimates, transfer, manual pickup and the
 * offline message.
 */

/**
 * Capacity of an agent who has none of their own and whose departments set
 * no default. Precedence (R2): the agent's own capacity, else the smallest
 * `defaultCapacity` among their live departments, else this.
 */
export const DEFAULT_AGENT_CAPACITY = 3;

export const ROUTING_STRATEGIES = ['least-loaded', 'round-robin'] as const;
/** `least-loaded`: fewest active chats, ties by longest since last assignment. `round-robin`: longest since last assignment. */
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00–24:00)');

/** One opening interval of a day, local time of the department: `close` is exclusive, `24:00` means midnight. */
export const openingSchema = z
  .object({ open: clockTime, close: clockTime })
  .strict()
  .refine((range) => range.open < range.close, 'close must be after open');
export type Opening = z.infer<typeof openingSchema>;

/**
 * Weekly opening hours in an IANA time zone, and holiday dates (closed all day,
 * `YYYY-MM-DD` in that zone). A weekday without intervals is closed.
 */
export const businessHoursSchema = z
  .object({
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris'),
    weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(openingSchema).max(6)),
    holidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'))
      .max(366)
      .default([]),
  })
  .strict();
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/**
 * A topic of the pre-chat form and the department that serves it; `key` is what `prechat.topic` carries.
 * `labels` per language; a language without one shows the English label, then the key.
 */
export const departmentTopicSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lowercase letters, digits, . _ - (at most 100)'),
    labels: z.partialRecord(localeSchema, z.string().trim().min(1).max(100)),
  })
  .strict();
export type DepartmentTopic = z.infer<typeof departmentTopicSchema>;

/** A department's auto-requeue switched off (not "the deployment's", which is null). */
export const AUTO_REQUEUE_OFF = 'off';

/** Idle thresholds are whole seconds, up to a day. */
const idleSeconds = z.number().int().min(1).max(86_400);

const departmentFields = {
  /** The name agents and supervisors know it by; customers read it when `names` has none in their language. */
  name: singleLineSchema(80),
  /** What customers read, per language (transfer lines, emails); a missing language falls back to English, then `name`. */
  names: z.partialRecord(localeSchema, singleLineSchema(80)),
  topics: z.array(departmentTopicSchema).max(100),
  /** Languages the department serves (the widget offers these). */
  languages: z.array(localeSchema).min(1).max(SUPPORTED_LOCALES.length),
  /** Null: always open. */
  hours: businessHoursSchema.nullable(),
  strategy: z.enum(ROUTING_STRATEGIES),
  /** Waiting this long without an agent speaking the customer's language, any language will do; null: never. */
  languageFallbackSeconds: z.number().int().min(0).max(86_400).nullable(),
  /** Waiting longer than this offers the offline message (W5); null: no limit. */
  maxQueueWaitSeconds: z.number().int().min(1).max(86_400).nullable(),
  /** Most chats at once for its agents who have no capacity of their own (R2); null: the deployment's (3). */
  defaultCapacity: z.number().int().min(1).max(50).nullable(),
  /** J1: customer silent this long in their turn → the check-in; null: the deployment's CUSTOMER_IDLE_NUDGE. */
  customerIdleNudgeSeconds: idleSeconds.nullable(),
  /** J1: this long more after the check-in → close; null: the deployment's CUSTOMER_IDLE_CLOSE. */
  customerIdleCloseSeconds: idleSeconds.nullable(),
  /** J2: customer message unanswered this long → flagged idle; null: the deployment's AGENT_REPLY_SLA. */
  agentReplySlaSeconds: idleSeconds.nullable(),
  /**
   * J2: flagged agent-unanswered this much longer → back to the front of the
   * queue for another agent. `'off'`: never in this department, whatever the
   * deployment says; null: the deployment's AGENT_IDLE_REQUEUE (which may be
   * off). A null stored before `'off'` existed came from the console's form,
   * which promised "empty: the deployment default", so it means that too.
   */
  autoRequeueSeconds: z.union([idleSeconds, z.literal(AUTO_REQUEUE_OFF)]).nullable(),
};

/** POST /api/departments (admin). */
export const departmentCreateSchema = z
  .object({
    name: departmentFields.name,
    names: departmentFields.names.default({}),
    topics: departmentFields.topics.default([]),
    languages: departmentFields.languages.default(['en']),
    hours: departmentFields.hours.default(null),
    strategy: departmentFields.strategy.default('least-loaded'),
    languageFallbackSeconds: departmentFields.languageFallbackSeconds.default(60),
    maxQueueWaitSeconds: departmentFields.maxQueueWaitSeconds.default(null),
    defaultCapacity: departmentFields.defaultCapacity.default(null),
    customerIdleNudgeSeconds: departmentFields.customerIdleNudgeSeconds.default(null),
    customerIdleCloseSeconds: departmentFields.customerIdleCloseSeconds.default(null),
    agentReplySlaSeconds: departmentFields.agentReplySlaSeconds.default(null),
    autoRequeueSeconds: departmentFields.autoRequeueSeconds.default(null),
  })
  .strict();
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;

/** PATCH /api/departments/:id (admin): any of the fields; takes effect on the next routing pass. */
export const departmentUpdateSchema = z
  .object(departmentFields)
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'change at least one field');
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
  /** Idle thresholds (J1, J2) in seconds; null: the deployment's. */
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
   * W5: while the department is closed, when it opens next (ISO instant, from
   * its business hours, time zone and holidays); null when open, always open,
   * or no opening is scheduled in the coming year. Show it in the customer's
   * own time zone ("We open again Monday at 09:00").
   */
  nextOpeningAt: string | null;
  /** Set when the widget should offer the offline message (W5), with why. */
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
  /** A message left while nobody could chat (W5): answered by email. */
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
  /** Messages left while nobody could chat (W5), waiting for an agent to pick them up and answer by email. */
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

export const queueListSchema = z.object({ departmentId: objectIdSchema.optional() }).strict();
export type QueueList = z.infer<typeof queueListSchema>;

const noteSchema = z
  .string()
  .refine(hasVisibleText, 'must not be empty (nor only invisible characters)')
  .refine((body) => utf8Length(body) <= MAX_MESSAGE_BYTES, {
    message: `must be at most ${MAX_MESSAGE_BYTES} bytes`,
    params: { appCode: 'PAYLOAD_TOO_LARGE' },
  });

/**
 * R4: hand an active chat to another agent (who must have room) or to a
 * department (queued at the front). The note is internal: agents only.
 */
export const conversationTransferSchema = z
  .object({
    conversationId: objectIdSchema,
    to: z.union([z.object({ agentId: objectIdSchema }).strict(), z.object({ departmentId: objectIdSchema }).strict()]),
    note: noteSchema.optional(),
  })
  .strict();
export type ConversationTransfer = z.infer<typeof conversationTransferSchema>;

/** To the receiving agent and supervisors on `/agent`. */
export interface ConversationTransferred {
  conversationId: string;
  fromAgentId?: string;
  toAgentId?: string;
  toDepartmentId?: string;
  note?: string;
}

/**
 * W5: a message left when nobody can chat. The email is required (replies go
 * by email). `requestId` (reused on retries) makes a retry create nothing new;
 * `conversationId` names the customer's waiting chat it replaces (closed).
 */
export const leaveMessageSchema = z
  .object({
    prechat: prechatSchema.extend({ email: z.email().max(254) }),
    body: noteSchema,
    requestId: clientMessageIdSchema,
    conversationId: objectIdSchema.optional(),
  })
  .strict();
export type LeaveMessage = z.infer<typeof leaveMessageSchema>;

export interface MessageLeft {
  conversationId: string;
  caseNumber: string;
  /** Where the reply will go. */
  email: string;
  /** The visitor was created by this call: keep the token as after `conversation.start`. */
  visitorToken?: string;
}
