import type { AgentServerEvents } from './agent.js';
import type { CustomerServerEvents } from './customer.js';

/**
 * One entry per event of a map. Written as an object literal with
 * `satisfies`, a name missing from the list or one the map does not have is
 * a compile error, so the list cannot drift from the map.
 */
type EveryEventOf<Events> = { readonly [E in keyof Events]: true };

const customerServerEvents = {
  'system.shutdown': true,
  'session.ready': true,
  'message.created': true,
  'conversation.updated': true,
  'typing.updated': true,
  'receipt.updated': true,
  'queue.updated': true,
} as const satisfies EveryEventOf<CustomerServerEvents>;

const agentServerEvents = {
  'system.shutdown': true,
  'session.ready': true,
  'session.ended': true,
  'agent.status.updated': true,
  'message.created': true,
  'conversation.updated': true,
  'typing.updated': true,
  'receipt.updated': true,
  'conversation.idle': true,
  'conversation.idle-cleared': true,
  'queue.stats': true,
  'conversation.transferred': true,
  'conversation.released': true,
  'queue.changed': true,
  'knowledge.changed': true,
  'supervisor.board.updated': true,
} as const satisfies EveryEventOf<AgentServerEvents>;

const namesOf = <Listed extends object>(listed: Listed) => Object.keys(listed) as (keyof Listed & string)[];

/**
 * The events the server sends on each namespace, at run time (the maps are
 * types only); the client events' names are the keys of their schema maps
 * in `@switchboard/shared/schemas`. For tests that cover every event and the
 * protocol documentation's check.
 */
export const SERVER_EVENT_NAMES = {
  customer: namesOf(customerServerEvents),
  agent: namesOf(agentServerEvents),
} as const;
