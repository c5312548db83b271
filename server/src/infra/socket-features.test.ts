import type { AgentServerEvents, QueueUpdate } from '@switchboard/shared';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { createFeatures } from '../features.js';
import { defineFeature, type Feature } from './feature.js';
import type { Logger } from './logger.js';
import type { TypedNamespace, TypedSocket } from './namespaces.js';
import { collectHandlers, mountSocketFeatures } from './socket-features.js';
import { defineHandlers, type AckDataOf } from './socket-handler.js';
import type { SocketServer } from './socket-server.js';

// The `@ts-expect-error` lines are the proof: `pnpm typecheck` (tsc over server/src, tests included)
// fails if one of them compiles. The code around them is never run, only compiled.
declare const sockets: SocketServer;
declare const logger: Logger;
/** The server's real feature list, as features.ts builds it (a tuple). */
declare const features: ReturnType<typeof createFeatures>['features'];

const pong = ({ sentAt }: { sentAt: number }) => ({ sentAt, serverTime: 0 });
const pingFeature = (name: string) =>
  defineFeature({
    name,
    handlers: { customer: defineHandlers('customer', { 'system.ping': pong }) },
  });

describe('client events are handled as the event maps say', () => {
  it('refuses a handler for an event the namespace map does not have', () => {
    const compileOnly = () =>
      defineHandlers('agent', {
        // @ts-expect-error -- 'supervisor.board.updated' is a server event: no client sends it
        'supervisor.board.updated': () => null,
      });
    expect(compileOnly).toBeTypeOf('function');
  });

  it("refuses a handler whose result is not its event's ack", () => {
    expectTypeOf<AckDataOf<'customer', 'queue.status'>>().toEqualTypeOf<QueueUpdate>();
    const compileOnly = () =>
      defineHandlers('customer', {
        // @ts-expect-error -- queue.status acks a QueueUpdate, not the ref it was asked about
        'queue.status': ({ conversationId }) => ({ conversationId }),
      });
    expect(compileOnly).toBeTypeOf('function');
  });

  it('refuses to send an event the namespace map does not have, or with the wrong payload', () => {
    const compileOnly = (agents: TypedNamespace<'agent'>) => {
      // @ts-expect-error -- not an event of AgentServerEvents
      agents.emit('supervisor.board.refreshed', {});
      // @ts-expect-error -- the board, not a queue update
      agents.emit('supervisor.board.updated', { position: 1 });
    };
    expectTypeOf<AgentServerEvents>().toHaveProperty('supervisor.board.updated');
    expect(compileOnly).toBeTypeOf('function');
  });

  it("types each namespace's socket.data", () => {
    const compileOnly = (customer: TypedSocket<'customer'>, agent: TypedSocket<'agent'>) => {
      expectTypeOf(agent.data.agent?.role).toEqualTypeOf<'agent' | 'supervisor' | 'admin' | undefined>();
      expectTypeOf(customer.data.clientAddress).toEqualTypeOf<string | undefined>();
      // @ts-expect-error -- customer sockets carry no agent
      expect(customer.data.agent).toBeUndefined();
    };
    expect(compileOnly).toBeTypeOf('function');
  });
});

describe('mountSocketFeatures', () => {
  it('takes the server’s feature list: every client event has exactly one handler', () => {
    const compileOnly = () => mountSocketFeatures(sockets, features, logger);
    expect(compileOnly).toBeTypeOf('function');
  });

  it('refuses two features handling the same event when compiling', () => {
    const compileOnly = () =>
      // @ts-expect-error -- the system feature handles system.ping already
      mountSocketFeatures(sockets, [...features, pingFeature('ping-again')], logger);
    expect(compileOnly).toBeTypeOf('function');
  });

  it('refuses a list that leaves an event without a handler when compiling', () => {
    const compileOnly = () => {
      const [_system, ...withoutSystem] = features;
      // @ts-expect-error -- nobody handles system.ping any more
      mountSocketFeatures(sockets, withoutSystem, logger);
    };
    expect(compileOnly).toBeTypeOf('function');
  });

  it('refuses handlers in a feature typed without them (their events would go unchecked)', () => {
    const table = defineHandlers('customer', { 'system.ping': pong });
    // @ts-expect-error -- `Feature` without a type argument holds no handlers
    const feature: Feature = { name: 'untyped', handlers: { customer: table } };
    expect(feature.name).toBe('untyped');
  });

  it('throws at startup when two features handle the same event', () => {
    expect(() => collectHandlers('customer', [pingFeature('system'), pingFeature('ping-again')])).toThrow(
      'Both the system and the ping-again features handle system.ping on /customer.',
    );
  });

  it('throws at startup when an event has no handler', () => {
    expect(() => collectHandlers('customer', [pingFeature('system')])).toThrow(
      /^No feature handles .*conversation\.start.* on \/customer\.$/,
    );
  });

  it('throws at startup on a handler for an event the namespace does not have', () => {
    const stray = { name: 'stray', handlers: { agent: { 'supervisor.board.updated': () => null } } };
    expect(() => collectHandlers('agent', [stray as never])).toThrow(
      'The stray feature handles supervisor.board.updated, not an event of /agent.',
    );
  });
});
