import {
  DISPOSITIONS,
  SUPPORTED_LOCALES,
  type AgentClientEvents,
  type CustomerClientEvents,
} from '@switchboard/shared';
import {
  agentConversationCloseSchema,
  attachmentPrepareSchema,
  agentStatusSetSchema,
  conversationRateSchema,
  conversationRefSchema,
  conversationStartSchema,
  conversationSyncSchema,
  conversationTransferSchema,
  leaveMessageSchema,
  liveListSchema,
  messageHistorySchema,
  messageSendSchema,
  queueListSchema,
  receiptUpdateSchema,
  supervisorCloseSchema,
  supervisorReassignSchema,
  systemPingSchema,
  transcriptRequestSchema,
  typingSetSchema,
} from '@switchboard/shared/schemas';
import fc from 'fast-check';
import { z } from 'zod';

/** Ids the fuzzing socket may NOT act on: other people's conversations, agents and departments. */
export interface Targets {
  conversationIds: string[];
  agentIds: string[];
  departmentIds: string[];
}

/**
 * How an event is fuzzed. `valid` builds payloads that pass the schema but
 * point at {@link Targets}; what the server must answer to them depends on `kind`:
 * - `refused`: a typed error (NOT_FOUND, FORBIDDEN, …) and nothing changed;
 * - `read`: a read this socket may make, so `ok` is fine too (nothing is stored);
 * - `malformed-only`: a valid payload would legitimately change something
 *   (start a chat, set one's own status), so only malformed payloads are sent.
 */
export interface EventSpec {
  schema: z.ZodType;
  kind: 'refused' | 'read' | 'malformed-only';
  valid(targets: Targets): fc.Arbitrary<Record<string, unknown>>;
}

const objectId = fc.stringMatching(/^[0-9a-f]{24}$/);
const pick = (ids: string[]) => fc.oneof(fc.constantFrom(...ids), objectId);
const conversationId = (t: Targets) => pick(t.conversationIds);
const clientId = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);
const body = fc.oneof(
  fc.string({ minLength: 1, maxLength: 200 }).filter((text) => text.trim().length > 0),
  fc.constantFrom('<img src=x onerror=alert(1)>', 'my card is 4111 1111 1111 1111', '{"$gt":""}', '__proto__'),
);
const seq = fc.integer({ min: 0, max: 1_000_000 });
const prechat = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 100 }),
    email: fc.constantFrom('marie@example.com', 'a@b.co'),
    topic: fc.string({ minLength: 1, maxLength: 100 }),
    language: fc.constantFrom(...SUPPORTED_LOCALES),
    region: fc.string({ minLength: 1, maxLength: 64 }),
    pageUrl: fc.webUrl(),
    userAgent: fc.string({ maxLength: 512 }),
  },
  { requiredKeys: ['topic', 'language', 'email'] },
);
const refOnly = (t: Targets) => fc.record({ conversationId: conversationId(t) });
/** Payload of the supervisor reads that take no arguments. */
const emptySchema = z.object({}).strict();

const shared = {
  'system.ping': { schema: systemPingSchema, kind: 'read', valid: () => fc.record({ sentAt: fc.nat() }) },
  'conversation.sync': {
    schema: conversationSyncSchema,
    kind: 'read',
    valid: (t) =>
      fc.record({
        cursors: fc.array(fc.record({ conversationId: conversationId(t), afterSeq: seq }), { maxLength: 50 }),
      }),
  },
  'attachment.prepare': {
    schema: attachmentPrepareSchema,
    kind: 'refused',
    valid: (t) =>
      fc.record({
        conversationId: conversationId(t),
        uploadId: clientId,
        name: fc.string({ minLength: 1, maxLength: 100 }),
        size: fc.integer({ min: 1, max: 1_000_000 }),
      }),
  },
  'message.history': {
    schema: messageHistorySchema,
    kind: 'read',
    valid: (t) =>
      fc.record(
        {
          conversationId: conversationId(t),
          beforeSeq: fc.integer({ min: 1, max: 1_000_000 }),
          limit: fc.integer({ min: 1, max: 200 }),
        },
        { requiredKeys: ['conversationId'] },
      ),
  },
  'typing.set': {
    schema: typingSetSchema,
    kind: 'refused',
    valid: (t) => fc.record({ conversationId: conversationId(t), typing: fc.boolean() }),
  },
  'receipt.update': {
    schema: receiptUpdateSchema,
    kind: 'refused',
    valid: (t) =>
      fc.record(
        { conversationId: conversationId(t), deliveredSeq: seq, readSeq: seq },
        { requiredKeys: ['conversationId', 'readSeq'] },
      ),
  },
} satisfies Record<string, EventSpec>;

/** Every `/customer` client event; the type makes a new event in the map a compile error here. */
export const customerEventSpecs: { [E in keyof CustomerClientEvents]: EventSpec } = {
  ...shared,
  'conversation.start': {
    schema: conversationStartSchema,
    kind: 'malformed-only',
    valid: () => fc.record({ prechat }),
  },
  'conversation.close': { schema: conversationRefSchema, kind: 'refused', valid: refOnly },
  'message.send': {
    schema: messageSendSchema,
    kind: 'refused',
    valid: (t) => fc.record({ conversationId: conversationId(t), clientMessageId: clientId, body }),
  },
  'transcript.request': {
    schema: transcriptRequestSchema,
    kind: 'refused',
    valid: (t) =>
      fc.record(
        { conversationId: conversationId(t), email: fc.constant('thief@example.com'), requestId: clientId },
        { requiredKeys: ['conversationId'] },
      ),
  },
  'queue.status': { schema: conversationRefSchema, kind: 'read', valid: refOnly },
  'conversation.leaveMessage': {
    schema: leaveMessageSchema,
    kind: 'malformed-only',
    valid: (t) =>
      fc.record(
        { prechat, body, requestId: clientId, conversationId: conversationId(t) },
        { requiredKeys: ['prechat', 'body', 'requestId'] },
      ),
  },
  'conversation.rate': {
    schema: conversationRateSchema,
    kind: 'refused',
    valid: (t) =>
      fc.record(
        { conversationId: conversationId(t), rating: fc.integer({ min: 1, max: 5 }), comment: fc.string() },
        { requiredKeys: ['conversationId', 'rating'] },
      ),
  },
};

const disposition = fc.constantFrom(...DISPOSITIONS);

/** Every `/agent` client event, fuzzed as a plain agent (not a supervisor) outside the targets' department. */
export const agentEventSpecs: { [E in keyof AgentClientEvents]: EventSpec } = {
  ...shared,
  'agent.status.set': {
    schema: agentStatusSetSchema,
    kind: 'malformed-only',
    valid: () => fc.record({ status: fc.constantFrom('online', 'away', 'offline') }),
  },
  'conversation.close': {
    schema: agentConversationCloseSchema,
    kind: 'refused',
    valid: (t) => fc.record({ conversationId: conversationId(t), disposition }, { requiredKeys: ['conversationId'] }),
  },
  'message.send': {
    schema: messageSendSchema,
    kind: 'refused',
    valid: (t) =>
      fc.record(
        { conversationId: conversationId(t), clientMessageId: clientId, body, internal: fc.boolean() },
        { requiredKeys: ['conversationId', 'clientMessageId', 'body'] },
      ),
  },
  'conversation.view': { schema: conversationRefSchema, kind: 'read', valid: refOnly },
  'conversation.pickup': { schema: conversationRefSchema, kind: 'refused', valid: refOnly },
  'conversation.transfer': {
    schema: conversationTransferSchema,
    kind: 'refused',
    valid: (t) =>
      fc.record(
        {
          conversationId: conversationId(t),
          to: fc.oneof(fc.record({ agentId: pick(t.agentIds) }), fc.record({ departmentId: pick(t.departmentIds) })),
          note: body,
        },
        { requiredKeys: ['conversationId', 'to'] },
      ),
  },
  'queue.list': {
    schema: queueListSchema,
    kind: 'read',
    valid: (t) => fc.record({ departmentId: pick(t.departmentIds) }, { requiredKeys: [] }),
  },
  'supervisor.board.get': { schema: emptySchema, kind: 'refused', valid: () => fc.constant({}) },
  'supervisor.idle.list': { schema: emptySchema, kind: 'refused', valid: () => fc.constant({}) },
  'supervisor.live.list': {
    schema: liveListSchema,
    kind: 'refused',
    valid: (t) =>
      fc.record(
        { agentId: pick(t.agentIds), departmentId: fc.oneof(pick(t.departmentIds), fc.constant('general')) },
        { requiredKeys: [] },
      ),
  },
  'supervisor.reassign': {
    schema: supervisorReassignSchema,
    kind: 'refused',
    valid: (t) => fc.record({ conversationId: conversationId(t), agentId: pick(t.agentIds) }),
  },
  'supervisor.requeue': { schema: conversationRefSchema, kind: 'refused', valid: refOnly },
  'supervisor.takeover': { schema: conversationRefSchema, kind: 'refused', valid: refOnly },
  'supervisor.close': {
    schema: supervisorCloseSchema,
    kind: 'refused',
    valid: (t) => fc.record({ conversationId: conversationId(t), disposition }, { requiredKeys: ['conversationId'] }),
  },
  'supervisor.observe': { schema: conversationRefSchema, kind: 'refused', valid: refOnly },
  'supervisor.unobserve': { schema: conversationRefSchema, kind: 'refused', valid: refOnly },
  'supervisor.join': { schema: conversationRefSchema, kind: 'refused', valid: refOnly },
  'supervisor.leave': { schema: conversationRefSchema, kind: 'refused', valid: refOnly },
};
