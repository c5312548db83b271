import { z } from 'zod';
import type { AgentClientEvents } from '../events/agent.js';
import type { NamespaceName } from '../handshake.js';
import type { CustomerClientEvents } from '../events/customer.js';
import { attachmentCancelSchema, attachmentPrepareSchema } from './attachments.js';
import { agentStatusSetSchema } from './agents.js';
import { agentConversationCloseSchema, conversationRefSchema, conversationStartSchema } from './conversations.js';
import { conversationRateSchema } from './feedback.js';
import { transcriptRequestSchema } from './jobs.js';
import { conversationSyncSchema, messageHistorySchema, messageSendSchema } from './messages.js';
import { receiptUpdateSchema, typingSetSchema } from './presence.js';
import { conversationTransferSchema, leaveMessageSchema, queueListSchema } from './routing.js';
import { liveListSchema, supervisorCloseSchema, supervisorReassignSchema } from './supervision.js';
import { systemPingSchema } from './system.js';

/** The payload (first argument) of an event in a Socket.IO-style event map. */
type PayloadOf<F> = F extends (payload: infer P, ...rest: never[]) => void ? P : never;

/**
 * One schema per client event of a namespace's map: with `satisfies`, a
 * missing event, an extra one, or a schema whose result is not the event's
 * payload type is a compile error where the map is written.
 */
export type EventSchemas<Events> = { [E in keyof Events]: z.ZodType<PayloadOf<Events[E]>, PayloadOf<Events[E]>> };

/**
 * The events whose schema takes other input than the event's payload type
 * (never when all match). `satisfies` alone lets a narrower schema through,
 * e.g. `conversationRefSchema` for `message.history`, whose other fields are
 * optional; requiring the very same type does not.
 */
export type MismatchedEvents<Schemas, Events> = {
  [E in keyof Events & keyof Schemas]: Schemas[E] extends z.ZodType
    ? Same<z.input<Schemas[E]>, PayloadOf<Events[E]>> extends true
      ? never
      : E
    : E;
}[keyof Events & keyof Schemas];

/** Whether two types are the same, optional fields included (mutual assignability ignores those). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the two generic signatures are the comparison
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `true` when every event's schema takes exactly its payload type; else names the others in the compile error. */
type ExactlyTheirPayloads<Mismatched> = [Mismatched] extends [never]
  ? true
  : { schemaDoesNotMatchPayloadOf: Mismatched };
type Holds<Check extends true> = Check;

/** Payload of the events that take no arguments (the supervisor's reads). */
export const emptyPayloadSchema = z.object({}).strict();

const sharedEventSchemas = {
  'system.ping': systemPingSchema,
  'conversation.sync': conversationSyncSchema,
  'message.send': messageSendSchema,
  'message.history': messageHistorySchema,
  'attachment.prepare': attachmentPrepareSchema,
  'attachment.cancel': attachmentCancelSchema,
  'typing.set': typingSetSchema,
  'receipt.update': receiptUpdateSchema,
};

/** What each `/customer` client event's payload must match. */
export const customerEventSchemas = {
  ...sharedEventSchemas,
  'conversation.start': conversationStartSchema,
  'conversation.close': conversationRefSchema,
  'transcript.request': transcriptRequestSchema,
  'queue.status': conversationRefSchema,
  'conversation.leaveMessage': leaveMessageSchema,
  'conversation.rate': conversationRateSchema,
} satisfies EventSchemas<CustomerClientEvents>;

/** What each `/agent` client event's payload must match. */
export const agentEventSchemas = {
  ...sharedEventSchemas,
  'agent.status.set': agentStatusSetSchema,
  'conversation.close': agentConversationCloseSchema,
  'conversation.view': conversationRefSchema,
  'conversation.pickup': conversationRefSchema,
  'conversation.transfer': conversationTransferSchema,
  'queue.list': queueListSchema,
  'supervisor.board.get': emptyPayloadSchema,
  'supervisor.idle.list': emptyPayloadSchema,
  'supervisor.live.list': liveListSchema,
  'supervisor.reassign': supervisorReassignSchema,
  'supervisor.requeue': conversationRefSchema,
  'supervisor.takeover': conversationRefSchema,
  'supervisor.close': supervisorCloseSchema,
  'supervisor.observe': conversationRefSchema,
  'supervisor.unobserve': conversationRefSchema,
  'supervisor.join': conversationRefSchema,
  'supervisor.leave': conversationRefSchema,
} satisfies EventSchemas<AgentClientEvents>;

/** Each namespace's client event schemas, by namespace name (`NAMESPACES`). */
export const clientEventSchemas = {
  customer: customerEventSchemas,
  agent: agentEventSchemas,
} as const satisfies Record<NamespaceName, object>;

// Checked when this file compiles; nothing of it is emitted.
type _CustomerSchemasTakeTheirPayloads = Holds<
  ExactlyTheirPayloads<MismatchedEvents<typeof customerEventSchemas, CustomerClientEvents>>
>;
type _AgentSchemasTakeTheirPayloads = Holds<
  ExactlyTheirPayloads<MismatchedEvents<typeof agentEventSchemas, AgentClientEvents>>
>;
