import {
  DISPOSITIONS,
  SUPPORTED_LOCALES,
  type AgentClientEvents,
  type CustomerClientEvents,
} from '@switchboard/shared';
import { agentEventSchemas, customerEventSchemas } from '@switchboard/shared/schemas';
import fc from 'fast-check';
import type { z } from 'zod';

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
  /** The event's schema from shared's per-event map: what the server parses with. */
  schema: z.ZodType;
  kind: 'refused' | 'read' | 'malformed-only';
  valid(targets: Targets): fc.Arbitrary<Record<string, unknown>>;
}

type FuzzPlan = Omit<EventSpec, 'schema'>;

/** Each event's plan with the schema the server parses that event with. */
function withSchemas<E extends string>(
  plans: Record<E, FuzzPlan>,
  schemas: Record<E, z.ZodType>,
): Record<E, EventSpec> {
  const entries = Object.entries<FuzzPlan>(plans).map(([event, plan]) => [
    event,
    { ...plan, schema: schemas[event as E] },
  ]);
  return Object.fromEntries(entries) as Record<E, EventSpec>;
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

const shared = {
  'system.ping': { kind: 'read', valid: () => fc.record({ sentAt: fc.nat() }) },
  'conversation.sync': {
    kind: 'read',
    valid: (t) =>
      fc.record({
        cursors: fc.array(fc.record({ conversationId: conversationId(t), afterSeq: seq }), { maxLength: 50 }),
      }),
  },
  'attachment.prepare': {
    kind: 'refused',
    valid: (t) =>
      fc.record({
        conversationId: conversationId(t),
        uploadId: clientId,
        name: fc.string({ minLength: 1, maxLength: 100 }),
        size: fc.integer({ min: 1, max: 1_000_000 }),
      }),
  },
  'attachment.cancel': {
    kind: 'refused',
    valid: (t) => fc.record({ conversationId: conversationId(t), uploadId: clientId }),
  },
  'message.history': {
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
    kind: 'refused',
    valid: (t) => fc.record({ conversationId: conversationId(t), typing: fc.boolean() }),
  },
  'receipt.update': {
    kind: 'refused',
    valid: (t) =>
      fc.record(
        { conversationId: conversationId(t), deliveredSeq: seq, readSeq: seq },
        { requiredKeys: ['conversationId', 'readSeq'] },
      ),
  },
} satisfies Record<string, FuzzPlan>;

/** Every `/customer` client event; the type makes a new event in the map a compile error here. */
export const customerEventSpecs = withSchemas<keyof CustomerClientEvents>(
  {
    ...shared,
    'conversation.start': {
      kind: 'malformed-only',
      valid: () => fc.record({ prechat }),
    },
    'conversation.close': { kind: 'refused', valid: refOnly },
    'message.send': {
      kind: 'refused',
      valid: (t) => fc.record({ conversationId: conversationId(t), clientMessageId: clientId, body }),
    },
    'transcript.request': {
      kind: 'refused',
      valid: (t) =>
        fc.record(
          { conversationId: conversationId(t), email: fc.constant('thief@example.com'), requestId: clientId },
          { requiredKeys: ['conversationId'] },
        ),
    },
    'queue.status': { kind: 'read', valid: refOnly },
    'conversation.leaveMessage': {
      kind: 'malformed-only',
      valid: (t) =>
        fc.record(
          { prechat, body, requestId: clientId, conversationId: conversationId(t) },
          { requiredKeys: ['prechat', 'body', 'requestId'] },
        ),
    },
    'conversation.rate': {
      kind: 'refused',
      valid: (t) =>
        fc.record(
          { conversationId: conversationId(t), rating: fc.integer({ min: 1, max: 5 }), comment: fc.string() },
          { requiredKeys: ['conversationId', 'rating'] },
        ),
    },
  },
  customerEventSchemas,
);

const disposition = fc.constantFrom(...DISPOSITIONS);

/** Every `/agent` client event, fuzzed as a plain agent (not a supervisor) outside the targets' department. */
export const agentEventSpecs = withSchemas<keyof AgentClientEvents>(
  {
    ...shared,
    'agent.status.set': {
      kind: 'malformed-only',
      valid: () => fc.record({ status: fc.constantFrom('online', 'away', 'offline') }),
    },
    'conversation.close': {
      kind: 'refused',
      valid: (t) => fc.record({ conversationId: conversationId(t), disposition }, { requiredKeys: ['conversationId'] }),
    },
    'message.send': {
      kind: 'refused',
      valid: (t) =>
        fc.record(
          { conversationId: conversationId(t), clientMessageId: clientId, body, internal: fc.boolean() },
          { requiredKeys: ['conversationId', 'clientMessageId', 'body'] },
        ),
    },
    'conversation.view': { kind: 'read', valid: refOnly },
    'conversation.pickup': { kind: 'refused', valid: refOnly },
    'conversation.transfer': {
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
      kind: 'read',
      valid: (t) => fc.record({ departmentId: pick(t.departmentIds) }, { requiredKeys: [] }),
    },
    'supervisor.board.get': { kind: 'refused', valid: () => fc.constant({}) },
    'supervisor.idle.list': { kind: 'refused', valid: () => fc.constant({}) },
    'supervisor.live.list': {
      kind: 'refused',
      valid: (t) =>
        fc.record(
          { agentId: pick(t.agentIds), departmentId: fc.oneof(pick(t.departmentIds), fc.constant('general')) },
          { requiredKeys: [] },
        ),
    },
    'supervisor.reassign': {
      kind: 'refused',
      valid: (t) => fc.record({ conversationId: conversationId(t), agentId: pick(t.agentIds) }),
    },
    'supervisor.requeue': { kind: 'refused', valid: refOnly },
    'supervisor.takeover': { kind: 'refused', valid: refOnly },
    'supervisor.close': {
      kind: 'refused',
      valid: (t) => fc.record({ conversationId: conversationId(t), disposition }, { requiredKeys: ['conversationId'] }),
    },
    'supervisor.observe': { kind: 'refused', valid: refOnly },
    'supervisor.unobserve': { kind: 'refused', valid: refOnly },
    'supervisor.join': { kind: 'refused', valid: refOnly },
    'supervisor.leave': { kind: 'refused', valid: refOnly },
  },
  agentEventSchemas,
);
