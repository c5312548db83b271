import type { NamespaceName } from '@switchboard/shared';
import { clientEventSchemas } from '@switchboard/shared/schemas';
import type { z } from 'zod';
import type { Feature, FeatureHandlers } from './feature.js';
import type { Logger } from './logger.js';
import type { ClientEventName } from './namespaces.js';
import { bindSocketHandlers, type BoundEvent, type HandlerTable } from './socket-handler.js';
import type { SocketServer } from './socket-server.js';

/** The table a feature holds for namespace `N`, or never. */
type TableOf<F, N extends NamespaceName> = F extends { handlers?: infer H }
  ? N extends keyof H
    ? NonNullable<H[N]>
    : never
  : never;

/** The events feature `F` handles on namespace `N` (`keyof never` would be every key: hence the guard). */
type EventsOf<F, N extends NamespaceName> = [TableOf<F, N>] extends [never] ? never : keyof TableOf<F, N> & string;

/** Events that two features of the list both handle on namespace `N`. */
type HandledTwice<Features, N extends NamespaceName, Seen = never> = Features extends readonly [
  infer First,
  ...infer Rest,
]
  ? (EventsOf<First, N> & Seen) | HandledTwice<Rest, N, Seen | EventsOf<First, N>>
  : never;

type Handled<Features, N extends NamespaceName> = Features extends readonly [infer First, ...infer Rest]
  ? EventsOf<First, N> | Handled<Rest, N>
  : never;

type Problem<Name extends string, Events> = [Events] extends [never] ? unknown : Record<Name, Events>;

/**
 * `unknown` when every client event of every namespace has exactly one
 * handler among the features; otherwise a type no list of features has,
 * whose property names the events (`customerEventsHandledTwice`,
 * `agentEventsWithoutHandler`, …) so the compile error says what is wrong.
 */
export type OneHandlerPerEvent<Features extends readonly unknown[]> = Problem<
  'customerEventsHandledTwice',
  HandledTwice<Features, 'customer'>
> &
  Problem<'agentEventsHandledTwice', HandledTwice<Features, 'agent'>> &
  Problem<'customerEventsWithoutHandler', Exclude<ClientEventName<'customer'>, Handled<Features, 'customer'>>> &
  Problem<'agentEventsWithoutHandler', Exclude<ClientEventName<'agent'>, Handled<Features, 'agent'>>>;

/**
 * One namespace's handlers from every feature, by event. Throws at startup
 * when two features handle the same event, or when an event of the
 * namespace's schema map has no handler: what the compiler checks already,
 * for a list put together in a way it cannot follow.
 */
export function collectHandlers<N extends NamespaceName>(
  namespace: N,
  features: readonly Pick<Feature<FeatureHandlers>, 'name' | 'handlers'>[],
): BoundEvent<N>[] {
  const schemas: Readonly<Record<string, z.ZodType>> = clientEventSchemas[namespace];
  const owners = new Map<string, string>();
  const bound: BoundEvent<N>[] = [];
  for (const feature of features) {
    const handlers: Partial<HandlerTable<N>> = feature.handlers?.[namespace] ?? {};
    for (const [event, handle] of Object.entries(handlers) as [ClientEventName<N>, BoundEvent<N>['handle']][]) {
      const owner = owners.get(event);
      if (owner)
        throw new Error(`Both the ${owner} and the ${feature.name} features handle ${event} on /${namespace}.`);
      const schema = Object.hasOwn(schemas, event) ? schemas[event] : undefined;
      if (!schema) throw new Error(`The ${feature.name} feature handles ${event}, not an event of /${namespace}.`);
      owners.set(event, feature.name);
      bound.push({ event, schema, handle });
    }
  }
  const missing = Object.keys(schemas).filter((event) => !owners.has(event));
  if (missing.length > 0) throw new Error(`No feature handles ${missing.join(', ')} on /${namespace}.`);
  return bound;
}

/**
 * Binds every feature's middlewares, handlers and connection hooks to their
 * namespaces. `features` must be the literal list (a tuple): the compiler
 * then refuses two features handling one event, or an event nobody handles.
 */
export function mountSocketFeatures<const Features extends readonly Feature<FeatureHandlers>[]>(
  sockets: SocketServer,
  features: Features & OneHandlerPerEvent<Features>,
  logger: Logger,
): void {
  mountNamespace(sockets, 'customer', features, logger);
  mountNamespace(sockets, 'agent', features, logger);
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- N ties the namespace to its guard, handlers and hooks
function mountNamespace<N extends NamespaceName>(
  sockets: SocketServer,
  name: N,
  features: readonly Feature<FeatureHandlers>[],
  logger: Logger,
): void {
  const namespace = sockets.namespace(name);
  const guard = sockets.guard(name);
  for (const middleware of features.flatMap((feature) => feature.middlewares?.[name] ?? [])) namespace.use(middleware);
  const events = collectHandlers(name, features);
  const known = new Set(events.map(({ event }) => event));
  const hooks = features.flatMap((feature) => feature.onConnection?.[name] ?? []);
  namespace.on('connection', (socket) => {
    bindSocketHandlers(socket, events, known, logger, guard);
    for (const hook of hooks) {
      Promise.resolve(hook(socket)).catch((error: unknown) => {
        logger.error({ err: error, namespace: name }, 'connection hook failed');
      });
    }
  });
}
