import { z } from 'zod';
import { hasVisibleText } from '../text.js';
import { singleLineSchema } from './text.js';
import { clientMessageIdSchema, localeSchema, objectIdSchema } from './ids.js';
import { SUPPORTED_LOCALES } from '../locales.js';
import { prechatSchema } from './conversations.js';
import { isTimeZone } from '../time-zone.js';
import { MAX_MESSAGE_BYTES, utf8Length } from '../messages.js';
import { ROUTING_STRATEGIES, WEEKDAYS, AUTO_REQUEUE_OFF } from '../routing.js';

const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00–24:00)');

/** One opening interval of a day, local time of the department: `close` is exclusive, `24:00` means midnight. */
export const openingSchema = z
  .object({ open: clockTime, close: clockTime })
  .strict()
  .refine((range) => range.open < range.close, 'close must be after open');

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
  /** Waiting longer than this offers the offline message; null: no limit. */
  maxQueueWaitSeconds: z.number().int().min(1).max(86_400).nullable(),
  /** Most chats at once for its agents who have no capacity of their own; null: the deployment's (3). */
  defaultCapacity: z.number().int().min(1).max(50).nullable(),
  /** Customer silent this long in their turn → the check-in; null: the deployment's CUSTOMER_IDLE_NUDGE. */
  customerIdleNudgeSeconds: idleSeconds.nullable(),
  /** This long more after the check-in → close; null: the deployment's CUSTOMER_IDLE_CLOSE. */
  customerIdleCloseSeconds: idleSeconds.nullable(),
  /** Customer message unanswered this long → flagged idle; null: the deployment's AGENT_REPLY_SLA. */
  agentReplySlaSeconds: idleSeconds.nullable(),
  /**
   * Flagged agent-unanswered this much longer → back to the front of the
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

/** PATCH /api/departments/:id (admin): any of the fields; takes effect on the next routing pass. */
export const departmentUpdateSchema = z
  .object(departmentFields)
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'change at least one field');

export const queueListSchema = z.object({ departmentId: objectIdSchema.optional() }).strict();

const noteSchema = z
  .string()
  .refine(hasVisibleText, 'must not be empty (nor only invisible characters)')
  .refine((body) => utf8Length(body) <= MAX_MESSAGE_BYTES, {
    message: `must be at most ${MAX_MESSAGE_BYTES} bytes`,
    params: { appCode: 'PAYLOAD_TOO_LARGE' },
  });

/**
 * Hand an active chat to another agent (who must have room) or to a
 * department (queued at the front). The note is internal: agents only.
 */
export const conversationTransferSchema = z
  .object({
    conversationId: objectIdSchema,
    to: z.union([z.object({ agentId: objectIdSchema }).strict(), z.object({ departmentId: objectIdSchema }).strict()]),
    note: noteSchema.optional(),
  })
  .strict();

/**
 * A message left when nobody can chat. The email is required (replies go
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
