import type { AuthorKind, IdleReason, SystemEvent } from '@switchboard/shared';
import type { TurnSide } from '../messages/live-state.js';

/**
 * Whose turn it is in a chat and what the idle timer should do about it, as
 * pure functions of stored state (the worker loads, these decide).
 *
 * Turns: after a customer message the agent owes a reply (the agent-reply clock
 * runs from the oldest unanswered customer message, or the assignment if
 * later). The first agent reply after it makes it the customer's turn (the
 * check-in clock runs from that reply). Later agent messages do not move either
 * clock, and every customer message ends the customer's turn.
 */

export interface IdleThresholds {
  /** Customer silent this long in their turn: the check-in. */
  nudgeMs: number;
  /** After the check-in, this long more: close. */
  closeMs: number;
  /** Customer message unanswered this long: flag for supervisors. */
  agentReplyMs: number;
  /** Flagged agent-unanswered this much longer: requeue (null: never). */
  requeueMs: number | null;
}

/** A visible (non-internal) message as the walk needs it. */
export interface TurnMessage {
  seq: number;
  author: { kind: AuthorKind };
  system?: { event: SystemEvent } | null;
  createdAt: Date;
}

export interface Turn {
  /** Agent owes a reply since then (oldest unanswered customer message). */
  unansweredSince?: Date;
  /**
   * Customer's turn since the agent's first reply after their last message;
   * `opener` names that reply (by seq), so the turn's check-in is posted once.
   */
  customerTurn?: { since: Date; opener: string; nudgedAt?: Date };
}

/** Names the reply that opened a customer's turn, the same whichever way the turn was read. */
const openerOf = (seq: number) => `seq-${seq}`;

/**
 * Reads the turn from the newest messages, newest first. When more messages
 * than were read belong to the current turn, the oldest read stands in for
 * its start (a little later than the truth, so never early).
 */
export function readTurn(newestFirst: readonly TurnMessage[]): Turn {
  let firstReply: TurnMessage | undefined;
  let nudgedAt: Date | undefined;
  let index = 0;
  for (; index < newestFirst.length; index += 1) {
    const message = newestFirst[index];
    if (!message || message.author.kind === 'customer') break;
    if (message.author.kind === 'agent') firstReply = message;
    else if (message.system?.event === 'customer.idle-nudge') nudgedAt ??= message.createdAt;
  }
  if (firstReply) {
    // A check-in posted before the reply that opened this turn belongs to an earlier silence.
    const nudge = nudgedAt && nudgedAt >= firstReply.createdAt ? { nudgedAt } : {};
    return { customerTurn: { since: firstReply.createdAt, opener: openerOf(firstReply.seq), ...nudge } };
  }
  let unansweredSince: Date | undefined;
  for (; index < newestFirst.length; index += 1) {
    const message = newestFirst[index];
    if (!message || message.author.kind === 'agent') break;
    if (message.author.kind === 'customer') unansweredSince = message.createdAt;
  }
  return unansweredSince ? { unansweredSince } : {};
}

/** The turn as the conversation's document records it (written behind its messages). */
export interface RecordedTurn {
  turn?: { side?: string | null; since?: Date | null; seq?: number | null } | null;
}

/**
 * Whether {@link turnFromRecord} may answer for this live state (the agent's
 * turn; the customer's with no flag raised): when not, the messages will be
 * read, and the caller can read them beside the document.
 */
export const turnMayBeRecorded = (seen: { turn: TurnSide | null; idle: IdleReason | null }): boolean =>
  seen.turn === 'customer' || (seen.idle === null && seen.turn === 'agent');

/**
 * The turn from the conversation's document, when the document is known to
 * be current for the live state the run read: the live state's turn is the
 * side the document names, and no message of the other side came after the
 * message the document names as the turn's opener (the agent's turn opens
 * with the customer's first unanswered message, the customer's with the
 * agent's first reply; more messages of the same side do not move either).
 * Null otherwise: the document may be behind (it is written up to a fraction
 * of a second after the messages), or, in the customer's turn, an idle flag
 * is raised and the turn's check-in may be out already (when it was posted is
 * only in the messages); the caller then reads the messages. This spares a
 * timer's run the read of the chat's latest messages, which waited behind
 * the chat load's writes.
 */
export function turnFromRecord(
  record: RecordedTurn,
  seen: { turn: TurnSide | null; customerSeq: number; agentSeq: number; idle: IdleReason | null },
): Turn | null {
  const { turn } = record;
  if (!turnMayBeRecorded(seen) || turn?.side !== seen.turn) return null;
  if (!turn.since || typeof turn.seq !== 'number') return null;
  if (seen.turn === 'customer') return seen.agentSeq < turn.seq ? { unansweredSince: turn.since } : null;
  if (seen.customerSeq >= turn.seq) return null;
  return { customerTurn: { since: turn.since, opener: openerOf(turn.seq) } };
}

export type IdleAction =
  | { kind: 'flag'; reason: IdleReason; since: Date }
  | { kind: 'clear'; reason: IdleReason }
  | { kind: 'nudge'; opener: string; since: Date }
  | { kind: 'close' }
  | { kind: 'requeue' };

export interface IdleDecision {
  actions: IdleAction[];
  /** When to look again; null when the timer should stop (chat no longer active, or closing now). */
  wakeAt: Date | null;
}

export interface IdleState {
  status: string;
  /** Left through the offline form: never timed, see {@link decideIdle}. */
  offline?: boolean;
  assignedAt?: Date | null;
  idle?: { reason: IdleReason; since?: Date | null } | null;
  turn: Turn;
}

const later = (a: Date, b: Date | null | undefined) => (b && b > a ? b : a);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/**
 * What to do now and when to wake next (null: nothing is due until someone
 * writes). Offline-message chats are never timed.
 * Every message that hands the turn to the other side re-arms the timer
 * itself (idle-rearm.ts), so nothing here polls: a timer wakes only when
 * something is due. Should a re-arm be lost with its process (between a
 * message's ack and its hooks), the chat's next due wake-up, or else the
 * periodic sweep (IDLE_TIMER_SWEEP), looks at it from the stored messages.
 */
export function decideIdle(state: IdleState, now: Date, limits: IdleThresholds): IdleDecision {
  if (state.status !== 'active') return { actions: [], wakeAt: null };
  // An offline message is answered by email: its customer left the page long
  // ago, so "are you still there?" and a no-response close would be wrong, and the
  // live-chat reply SLA and auto-requeue do not measure an email reply either.
  if (state.offline) return { actions: state.idle ? [{ kind: 'clear', reason: state.idle.reason }] : [], wakeAt: null };
  const decision = decideTurn(state, now, limits);
  // The message hooks clear a flag as the other side answers; this catches one they missed.
  const { unansweredSince, customerTurn } = state.turn;
  const expected = unansweredSince ? 'agent-unanswered' : customerTurn ? 'customer-silent' : null;
  if (!state.idle || state.idle.reason === expected) return decision;
  return { ...decision, actions: [{ kind: 'clear', reason: state.idle.reason }, ...decision.actions] };
}

function decideTurn(state: IdleState, now: Date, limits: IdleThresholds): IdleDecision {
  const { unansweredSince, customerTurn } = state.turn;

  if (unansweredSince) {
    const since = later(unansweredSince, state.assignedAt);
    const flagAt = plus(since, limits.agentReplyMs);
    if (now < flagAt) return { actions: [], wakeAt: flagAt };
    const flagged = state.idle?.reason === 'agent-unanswered';
    const actions: IdleAction[] = flagged ? [] : [{ kind: 'flag', reason: 'agent-unanswered', since }];
    if (limits.requeueMs === null) return { actions, wakeAt: null };
    const requeueAt = plus(flagAt, limits.requeueMs);
    if (now < requeueAt) return { actions, wakeAt: requeueAt };
    // Requeued chats are timed again when they are next assigned.
    return { actions: [...actions, { kind: 'requeue' }], wakeAt: null };
  }

  if (customerTurn) {
    if (!customerTurn.nudgedAt) {
      const nudgeAt = plus(customerTurn.since, limits.nudgeMs);
      if (now < nudgeAt) return { actions: [], wakeAt: nudgeAt };
      return {
        actions: [{ kind: 'nudge', opener: customerTurn.opener, since: customerTurn.since }],
        wakeAt: plus(now, limits.closeMs),
      };
    }
    const closeAt = plus(customerTurn.nudgedAt, limits.closeMs);
    if (now < closeAt) return { actions: [], wakeAt: closeAt };
    return { actions: [{ kind: 'close' }], wakeAt: null };
  }

  // Nobody has written since the assignment: the first message arms the timer.
  return { actions: [], wakeAt: null };
}

/** What arms a chat's timer afresh: its assignment, or a message handing the turn to the other side. */
export type TurnChange = 'assigned' | 'customer-wrote' | 'agent-answered';

/**
 * The turn change a stored message makes, or null when it leaves the
 * timer as it is: internal notes and system lines; chats not in progress,
 * or left offline (answered by email, never timed); and further messages
 * of the same turn, whose timer was armed when the turn began (or at
 * assignment; the periodic sweep restores one that was lost).
 * `state.turn` is the side that wrote last as the message found it.
 */
export function turnChangeBy(
  message: { internal: boolean; author: { kind: AuthorKind } },
  state: { status: string; offline?: boolean; turn: TurnSide | null },
): TurnChange | null {
  if (message.internal || message.author.kind === 'system') return null;
  if (state.status !== 'active' || state.offline) return null;
  const side = message.author.kind === 'customer' ? 'customer' : 'agent';
  if (state.turn === side) return null;
  return side === 'customer' ? 'customer-wrote' : 'agent-answered';
}

/**
 * How long after a turn change the timer first wakes. The agent answered:
 * the customer's check-in is due exactly this long from now, in one
 * wake-up. The agent's turn (assigned, or the customer wrote): the reply
 * SLA, or the check-in delay if shorter. The hooks of two messages may
 * reach Redis in either order (the customer's clears a flag first): should
 * this re-arm land after that of the agent's reply that followed, it would
 * replace the check-in's, and the timer must still look at the customer's
 * turn in time. One wake-up per turn, not a poll: {@link decideIdle} sleeps
 * until the SLA after that.
 */
export function firstWakeMs(change: TurnChange, limits: Pick<IdleThresholds, 'nudgeMs' | 'agentReplyMs'>): number {
  if (change === 'agent-answered') return limits.nudgeMs;
  return Math.min(limits.agentReplyMs, limits.nudgeMs);
}
