import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AgentClientEvents } from '../events/agent.js';
import type { CustomerClientEvents } from '../events/customer.js';
import type { conversationRefSchema } from './conversations.js';
import { agentEventSchemas, customerEventSchemas, type EventSchemas, type MismatchedEvents } from './events.js';

// The type-level checks here run in `pnpm typecheck` (tsc over shared/src).
describe('one schema per client event', () => {
  it('a map without the schema of an event does not compile', () => {
    const { 'conversation.rate': _rate, ...withoutRate } = customerEventSchemas;
    // @ts-expect-error -- 'conversation.rate' has no schema
    const _schemas: EventSchemas<CustomerClientEvents> = withoutRate;
    expect(Object.keys(withoutRate)).not.toContain('conversation.rate');
  });

  it('names an event whose schema takes other input than its payload type', () => {
    type Narrower = Omit<typeof customerEventSchemas, 'message.history'> & {
      'message.history': typeof conversationRefSchema;
    };
    expectTypeOf<MismatchedEvents<Narrower, CustomerClientEvents>>().toEqualTypeOf<'message.history'>();
    expectTypeOf<MismatchedEvents<typeof customerEventSchemas, CustomerClientEvents>>().toBeNever();
    expectTypeOf<MismatchedEvents<typeof agentEventSchemas, AgentClientEvents>>().toBeNever();
  });

  it('parses each namespace with its own schema for a shared event name', () => {
    const close = { conversationId: '0123456789abcdef01234567', disposition: 'spam' };
    expect(customerEventSchemas['conversation.close'].safeParse(close).success).toBe(false);
    expect(agentEventSchemas['conversation.close'].parse(close)).toEqual(close);
  });
});
