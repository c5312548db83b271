import type { AgentConversationView, MessageView } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { formatWait, slaLevel, waitingSince } from './sla.js';

const view = (fields: Partial<AgentConversationView> = {}): AgentConversationView => ({
  id: 'c1',
  caseNumber: 'SB-1',
  status: 'active',
  topic: 'battery',
  language: 'fr',
  lastSeq: 0,
  createdAt: '2026-01-01T10:00:00.000Z',
  customer: { id: 'u1', verified: false },
  receipts: { customer: { deliveredSeq: 0, readSeq: 0 }, agent: { deliveredSeq: 0, readSeq: 0 } },
  ...fields,
});

let seq = 0;
const message = (kind: 'customer' | 'agent' | 'system', at: string, internal = false): MessageView => ({
  id: `m${++seq}`,
  conversationId: 'c1',
  seq,
  clientMessageId: `cm${seq}`,
  author: { kind },
  body: 'x',
  internal,
  masked: false,
  createdAt: at,
});

describe('waitingSince', () => {
  it('counts from the start when nobody has answered yet', () => {
    expect(waitingSince(view(), [])).toBe(Date.parse('2026-01-01T10:00:00.000Z'));
  });

  it('counts from the first customer message the agent has not answered, not the latest', () => {
    const messages = [
      message('customer', '2026-01-01T10:01:00.000Z'),
      message('agent', '2026-01-01T10:02:00.000Z'),
      message('customer', '2026-01-01T10:03:00.000Z'),
      message('customer', '2026-01-01T10:04:00.000Z'),
    ];
    // An impatient customer writing again does not look less urgent.
    expect(waitingSince(view(), messages)).toBe(Date.parse('2026-01-01T10:03:00.000Z'));
  });

  it('takes an earlier start from the server when every message held is the customer’s', () => {
    const held = [message('customer', '2026-01-01T10:07:00.000Z'), message('customer', '2026-01-01T10:08:00.000Z')];
    const v = view({ firstAgentReplyAt: '2026-01-01T10:02:00.000Z', waitingSince: '2026-01-01T10:05:00.000Z' });
    expect(waitingSince(v, held)).toBe(Date.parse('2026-01-01T10:05:00.000Z'));
  });

  it('stops once the agent replied; notes and system messages are not replies', () => {
    const answered = [message('customer', '2026-01-01T10:01:00.000Z'), message('agent', '2026-01-01T10:02:00.000Z')];
    expect(waitingSince(view(), answered)).toBeUndefined();
    const notOnlyNotes = [
      message('customer', '2026-01-01T10:01:00.000Z'),
      message('agent', '2026-01-01T10:02:00.000Z', true),
      message('system', '2026-01-01T10:02:30.000Z'),
    ];
    expect(waitingSince(view(), notOnlyNotes)).toBe(Date.parse('2026-01-01T10:01:00.000Z'));
  });

  it('uses the server’s view when the messages are not loaded', () => {
    const answered = { firstAgentReplyAt: '2026-01-01T10:01:00.000Z', lastAgentMessageAt: '2026-01-01T10:04:00.000Z' };
    expect(waitingSince(view({ ...answered, waitingSince: '2026-01-01T10:05:00.000Z' }), [])).toBe(
      Date.parse('2026-01-01T10:05:00.000Z'),
    );
    expect(waitingSince(view(answered), [])).toBeUndefined();
    // Chats stored before the server kept the start of the wait: the later of the two last messages.
    const older = view({ ...answered, lastCustomerMessageAt: '2026-01-01T10:05:00.000Z' });
    expect(waitingSince(older, [])).toBe(Date.parse('2026-01-01T10:05:00.000Z'));
  });

  it('is nothing for a closed chat', () => {
    expect(waitingSince(view({ status: 'closed' }), [])).toBeUndefined();
  });
});

describe('slaLevel', () => {
  const sla = { amberMs: 120_000, redMs: 240_000 };
  it('turns amber, then red, at the thresholds', () => {
    expect(slaLevel(119_999, sla)).toBe('ok');
    expect(slaLevel(120_000, sla)).toBe('amber');
    expect(slaLevel(239_999, sla)).toBe('amber');
    expect(slaLevel(240_000, sla)).toBe('red');
  });
});

describe('formatWait', () => {
  it('shows m:ss, h:mm:ss past an hour, never negative', () => {
    expect(formatWait(0)).toBe('0:00');
    expect(formatWait(65_400)).toBe('1:05');
    expect(formatWait(3_725_000)).toBe('1:02:05');
    expect(formatWait(-5_000)).toBe('0:00');
  });
});
