import type { NamespaceName } from '@switchboard/shared';
import type { Router } from 'express';
import type { TypedSocket } from './namespaces.js';
import type { HandlerTable } from './socket-handler.js';

/** A handshake middleware of one namespace. */
export type Middleware<N extends NamespaceName> = (socket: TypedSocket<N>, next: (error?: Error) => void) => void;

/** Handlers a feature may hold: some events of each namespace (see `defineHandlers`). */
export type FeatureHandlers = { [N in NamespaceName]?: Partial<HandlerTable<N>> };

/** What a feature without socket handlers holds: nothing, so its type claims no event. */
export type NoHandlers = Partial<Record<NamespaceName, never>>;

/**
 * A feature's contribution to the server. app.ts mounts every feature listed
 * in features.ts the same way, so a feature never edits app.ts. `H` is the
 * exact set of client events it handles per namespace: `mountSocketFeatures`
 * checks from it, when compiling, that every event has one handler.
 */
export interface Feature<H extends FeatureHandlers = NoHandlers> {
  name: string;
  /** Express routes, mounted at the root in feature order (REST paths start with /api/). */
  routes?: Router;
  /** Handshake middlewares per namespace, run after the protocol-version check (e.g. authentication). */
  middlewares?: { [N in NamespaceName]?: Middleware<N>[] };
  /** Client events per namespace (tables from `defineHandlers`), parsed and answered by bindSocketHandlers. */
  handlers?: H;
  /** Called for each new socket after its handlers are bound (join rooms, presence, catch-up). */
  onConnection?: { [N in NamespaceName]?: (socket: TypedSocket<N>) => void | Promise<void> };
  /** After the server listens (start workers, timers). */
  start?(): Promise<void>;
  /** On graceful stop, before sockets and connections close (stop workers). */
  stop?(): Promise<void>;
}

/** A feature with its handlers' exact events kept in its type (no annotation needed where it is built). */
export function defineFeature<H extends FeatureHandlers = NoHandlers>(feature: Feature<H>): Feature<H> {
  return feature;
}
