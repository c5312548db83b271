import { describe, expect, it } from 'vitest';
import {
  decideIdle,
  firstWakeMs,
  readTurn,
  turnChangeBy,
  turnFromRecord,
  type IdleThresholds,
  type TurnMessage,
} from './idle-policy.js';

const t = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));
let next = 0;
const msg = (kind: 'customer' | 'agent' | 'system', at: number, event?: 'customer.idle-nudge'): TurnMessage => ({
  seq: (next += 1),
  author: { kind },
  createdAt: t(at),
  ...(event ? { system: { event } } : {}),
});
/** Oldest first in the test, newest first for readTurn. */
const turnOf = (...messages: TurnMessage[]) => readTurn([...messages].reverse());

const limits: IdleThresholds = { nudgeMs: 180_000, closeMs: 300_000, agentReplyMs: 120_000, requeueMs: null };

describe('readTurn', () => {
  it('the agent owes a reply since the oldest unanswered customer message', () => {
    const turn = turnOf(msg('agent', 0), msg('customer', 10), msg('system', 11), msg('customer', 20));
    expect(turn).toEqual({ unansweredSince: t(10) });
  });

  it("the customer's turn starts at the agent's first reply after their last message", () => {
    const reply = msg('agent', 30);
    const turn = turnOf(msg('customer', 10), reply, msg('agent', 40), msg('agent', 50));
    expect(turn).toEqual({ customerTurn: { since: t(30), opener: `seq-${reply.seq}` } });
  });

  it('remembers a check-in posted in this turn, not one from an earlier silence', () => {
    expect(
      turnOf(msg('customer', 0), msg('agent', 10), msg('system', 200, 'customer.idle-nudge')).customerTurn?.nudgedAt,
    ).toEqual(t(200));
    expect(turnOf(msg('system', 5, 'customer.idle-nudge'), msg('agent', 10)).customerTurn?.nudgedAt).toBeUndefined();
  });

  it('nobody owes anything before anyone wrote', () => {
    expect(turnOf(msg('system', 0))).toEqual({});
  });
});

describe('turnFromRecord', () => {
  const seen = { turn: 'agent' as const, customerSeq: 4, agentSeq: 5, idle: null };
  const record = { turn: { side: 'agent', since: t(30), seq: 5 } };

  it("reads the customer's turn from a document whose opener came after the customer's last message", () => {
    expect(turnFromRecord(record, seen)).toEqual({ customerTurn: { since: t(30), opener: 'seq-5' } });
  });

  it('names the turn as the messages would, so its check-in is posted once whichever way it was read', () => {
    const last = msg('customer', 10);
    const reply = msg('agent', 30);
    const fromMessages = turnOf(last, reply, msg('agent', 40));
    const fromRecord = turnFromRecord(
      { turn: { side: 'agent', since: t(30), seq: reply.seq } },
      { ...seen, customerSeq: last.seq },
    );
    expect(fromRecord).toEqual(fromMessages);
  });

  it("reads the agent's turn from a document whose opener came after the agent's last message, flag or not", () => {
    const owed = { turn: 'customer' as const, customerSeq: 9, agentSeq: 5, idle: null };
    const opened = { turn: { side: 'customer', since: t(40), seq: 7 } };
    const fromMessages = turnOf(msg('agent', 30), msg('customer', 40), msg('customer', 50));
    expect(turnFromRecord(opened, owed)).toEqual({ unansweredSince: t(40) });
    expect(turnFromRecord(opened, owed)).toEqual(fromMessages);
    expect(turnFromRecord(opened, { ...owed, idle: 'agent-unanswered' })).toEqual({ unansweredSince: t(40) });
    // The agent answered after that opener (and the customer wrote again): a later turn is not written yet.
    expect(turnFromRecord(opened, { ...owed, agentSeq: 8 })).toBeNull();
    // A mirror older than the agent count knows no agent messages: the messages are read.
    expect(turnFromRecord(opened, { ...owed, agentSeq: Number.POSITIVE_INFINITY })).toBeNull();
  });

  it('says nothing when the document may be behind or a flag may mean a check-in is out', () => {
    // The customer wrote after the opener the document names: a later turn is not written yet.
    expect(turnFromRecord(record, { ...seen, customerSeq: 6 })).toBeNull();
    // The turn flipped to the agent's since the document was written.
    expect(turnFromRecord({ turn: { side: 'customer', since: t(30), seq: 5 } }, seen)).toBeNull();
    expect(turnFromRecord({}, seen)).toBeNull();
    // The check-in may be posted: when, only the messages say.
    expect(turnFromRecord(record, { ...seen, idle: 'customer-silent' })).toBeNull();
    // The live state's turn is not the one the document names.
    expect(turnFromRecord(record, { ...seen, turn: 'customer' })).toBeNull();
  });
});

describe('decideIdle', () => {
  const active = { status: 'active', assignedAt: t(0), idle: null };

  it('does nothing for chats that are not active', () => {
    expect(decideIdle({ ...active, status: 'closed', turn: { unansweredSince: t(0) } }, t(999), limits)).toEqual({
      actions: [],
      wakeAt: null,
    });
  });

  it("sleeps until the agent's reply is due, however long the SLA: the reply re-arms the timer for its check-in", () => {
    const longSla = { ...limits, agentReplyMs: 600_000 };
    const waiting = { ...active, turn: { unansweredSince: t(10) } };
    expect(decideIdle(waiting, t(10), longSla)).toEqual({ actions: [], wakeAt: t(610) });
    // They answered at 20 s: the wake-up their reply armed finds the customer's turn, check-in due at 200 s.
    const reply = msg('agent', 20);
    const answered = { ...active, turn: turnOf(msg('customer', 10), reply) };
    expect(decideIdle(answered, t(20), longSla)).toEqual({ actions: [], wakeAt: t(200) });
  });

  it('flags an unanswered customer after the SLA, counted from assignment when they wrote in the queue', () => {
    const state = { ...active, assignedAt: t(30), turn: { unansweredSince: t(10) } };
    expect(decideIdle(state, t(100), limits)).toEqual({ actions: [], wakeAt: t(150) });
    expect(decideIdle(state, t(150), limits).actions).toEqual([
      { kind: 'flag', reason: 'agent-unanswered', since: t(30) },
    ]);
    const flagged = { ...state, idle: { reason: 'agent-unanswered' as const, since: t(30) } };
    // Flagged, and nothing more to do until the agent answers (without auto-requeue).
    expect(decideIdle(flagged, t(200), limits)).toEqual({ actions: [], wakeAt: null });
  });

  it('requeues after the further threshold when one is set', () => {
    const withRequeue = { ...limits, requeueMs: 60_000 };
    const state = { ...active, idle: { reason: 'agent-unanswered' as const }, turn: { unansweredSince: t(0) } };
    expect(decideIdle(state, t(130), withRequeue)).toEqual({ actions: [], wakeAt: t(180) });
    expect(decideIdle(state, t(180), withRequeue)).toEqual({ actions: [{ kind: 'requeue' }], wakeAt: null });
  });

  it('nudges the customer after their turn has been silent long enough, then closes', () => {
    const turn = { customerTurn: { since: t(20), opener: 'seq-1' } };
    expect(decideIdle({ ...active, turn }, t(60), limits)).toEqual({ actions: [], wakeAt: t(200) });
    expect(decideIdle({ ...active, turn }, t(201), limits)).toEqual({
      actions: [{ kind: 'nudge', opener: 'seq-1', since: t(20) }],
      wakeAt: t(501),
    });
    const nudged = { customerTurn: { ...turn.customerTurn, nudgedAt: t(205) } };
    const flagged = { ...active, idle: { reason: 'customer-silent' as const }, turn: nudged };
    expect(decideIdle(flagged, t(300), limits)).toEqual({ actions: [], wakeAt: t(505) });
    expect(decideIdle(flagged, t(505), limits)).toEqual({ actions: [{ kind: 'close' }], wakeAt: null });
  });

  it('sleeps while nobody has written since the assignment: the first message arms the timer', () => {
    expect(decideIdle({ ...active, turn: {} }, t(10), limits)).toEqual({ actions: [], wakeAt: null });
  });

  it('clears a flag the other side already answered', () => {
    const state = {
      ...active,
      idle: { reason: 'agent-unanswered' as const },
      turn: { customerTurn: { since: t(20), opener: 'seq-1' } },
    };
    expect(decideIdle(state, t(30), limits)).toEqual({
      actions: [{ kind: 'clear', reason: 'agent-unanswered' }],
      wakeAt: t(200),
    });
  });
});

describe('turnChangeBy', () => {
  const active = { status: 'active', turn: null };
  const from = (kind: 'customer' | 'agent' | 'system', internal = false) => ({ internal, author: { kind } });

  it('a message handing the turn to the other side re-arms the timer', () => {
    expect(turnChangeBy(from('customer'), { ...active, turn: 'agent' })).toBe('customer-wrote');
    expect(turnChangeBy(from('agent'), { ...active, turn: 'customer' })).toBe('agent-answered');
    expect(turnChangeBy(from('customer'), active)).toBe('customer-wrote');
  });

  it('further messages of the same turn, notes, system lines and untimed chats leave it as it is', () => {
    expect(turnChangeBy(from('customer'), { ...active, turn: 'customer' })).toBeNull();
    expect(turnChangeBy(from('agent', true), { ...active, turn: 'customer' })).toBeNull();
    expect(turnChangeBy(from('system'), { ...active, turn: 'customer' })).toBeNull();
    expect(turnChangeBy(from('customer'), { status: 'queued', turn: 'agent' })).toBeNull();
    expect(turnChangeBy(from('customer'), { ...active, turn: 'agent', offline: true })).toBeNull();
  });
});

describe('firstWakeMs', () => {
  it("wakes at the check-in after the agent's answer, else at the reply SLA or the check-in if sooner", () => {
    expect(firstWakeMs('agent-answered', limits)).toBe(limits.nudgeMs);
    expect(firstWakeMs('customer-wrote', limits)).toBe(limits.agentReplyMs);
    expect(firstWakeMs('assigned', { ...limits, nudgeMs: 60_000 })).toBe(60_000);
  });
});
