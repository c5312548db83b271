import type { Logger } from '../infra/logger.js';
import type { mongo, Types } from 'mongoose';
import type { TurnSide } from './live-state.js';

/** At most this often a busy conversation's document is written (the message path never waits for it). */
const FLUSH_INTERVAL_MS = 200;
/** Most conversations one flush writes; more wait for the next. */
const MAX_PER_FLUSH = 1_000;

/** One stored message, as its conversation's document records it. */
export interface MessageActivity {
  seq: number;
  /** Customer or agent, for a visible message; null for system lines and internal notes. */
  side: TurnSide | null;
  at: Date;
  /** This message started its side's turn (the other side, or nobody, wrote last). */
  turnStarted: boolean;
}

interface Pending {
  lastSeq: number;
  lastCustomerMessageAt?: Date;
  lastAgentMessageAt?: Date;
  firstAgentReplyAt?: Date;
  turn?: { side: TurnSide; since: Date; seq: number };
}

/**
 * What messages change on their conversation's document (its last seq, the
 * last message time of each side, the first agent reply, whose turn it is
 * and since when), written behind the message path: coalesced per
 * conversation and written at most every {@link FLUSH_INTERVAL_MS}, in one
 * command for every conversation that moved. A per-message update would cap
 * the message rate at the database's update rate; the message itself (the
 * record) is stored before its ack as always.
 *
 * Every write is monotonic (`$max`/`$min`, and a turn only replaces an older
 * one by seq), so flushes from several processes, in any order, leave the
 * latest values. What a crash loses is at most one interval of these
 * summaries, never a message: the seq counter is recovered from the messages,
 * and the next message writes the times again.
 */
export function createMessageActivity(deps: { conversations: () => mongo.Collection; logger: Logger }) {
  const pending = new Map<string, { id: Types.ObjectId; fields: Pending }>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let lastFlushAt = 0;

  const operations = (id: Types.ObjectId, fields: Pending): mongo.AnyBulkWriteOperation[] => {
    const max: Record<string, unknown> = { lastSeq: fields.lastSeq };
    if (fields.lastCustomerMessageAt) max.lastCustomerMessageAt = fields.lastCustomerMessageAt;
    if (fields.lastAgentMessageAt) max.lastAgentMessageAt = fields.lastAgentMessageAt;
    const update: Record<string, unknown> = { $max: max };
    if (fields.firstAgentReplyAt) update.$min = { firstAgentReplyAt: fields.firstAgentReplyAt };
    const ops: mongo.AnyBulkWriteOperation[] = [{ updateOne: { filter: { _id: id }, update } }];
    if (fields.turn) {
      ops.push({
        updateOne: {
          filter: { _id: id, $or: [{ turn: null }, { 'turn.seq': { $lt: fields.turn.seq } }] },
          update: { $set: { turn: fields.turn } },
        },
      });
    }
    return ops;
  };

  async function flush(): Promise<void> {
    const batch = [...pending.values()].slice(0, MAX_PER_FLUSH);
    for (const entry of batch) pending.delete(entry.id.toHexString());
    if (batch.length === 0) return;
    try {
      await deps.conversations().bulkWrite(
        batch.flatMap((entry) => operations(entry.id, entry.fields)),
        { ordered: false },
      );
    } catch (error) {
      // Kept for the next flush (merged with anything newer): these are summaries, retried, never blocking.
      for (const entry of batch) merge(entry.id, entry.fields);
      deps.logger.warn({ err: error, conversations: batch.length }, 'conversation activity write deferred');
    }
  }

  function schedule(): void {
    if (timer || flushing || pending.size === 0) return;
    const wait = Math.max(0, lastFlushAt + FLUSH_INTERVAL_MS - Date.now());
    timer = setTimeout(() => {
      timer = null;
      lastFlushAt = Date.now();
      flushing = flush().finally(() => {
        flushing = null;
        schedule();
      });
    }, wait);
    timer.unref();
  }

  function merge(id: Types.ObjectId, next: Pending): void {
    const key = id.toHexString();
    const current = pending.get(key)?.fields;
    if (!current) {
      pending.set(key, { id, fields: { ...next } });
      return;
    }
    const latest = (a?: Date, b?: Date) => (a && b ? (a > b ? a : b) : (a ?? b));
    const earliest = (a?: Date, b?: Date) => (a && b ? (a < b ? a : b) : (a ?? b));
    const merged: Pending = { lastSeq: Math.max(current.lastSeq, next.lastSeq) };
    const customerAt = latest(current.lastCustomerMessageAt, next.lastCustomerMessageAt);
    const agentAt = latest(current.lastAgentMessageAt, next.lastAgentMessageAt);
    const firstReply = earliest(current.firstAgentReplyAt, next.firstAgentReplyAt);
    const turn = !current.turn || (next.turn && next.turn.seq > current.turn.seq) ? next.turn : current.turn;
    if (customerAt) merged.lastCustomerMessageAt = customerAt;
    if (agentAt) merged.lastAgentMessageAt = agentAt;
    if (firstReply) merged.firstAgentReplyAt = firstReply;
    if (turn) merged.turn = turn;
    pending.set(key, { id, fields: merged });
  }

  return {
    record(conversationId: Types.ObjectId, activity: MessageActivity): void {
      const fields: Pending = { lastSeq: activity.seq };
      if (activity.side === 'customer') fields.lastCustomerMessageAt = activity.at;
      if (activity.side === 'agent') {
        fields.lastAgentMessageAt = activity.at;
        fields.firstAgentReplyAt = activity.at;
      }
      if (activity.side && activity.turnStarted)
        fields.turn = { side: activity.side, since: activity.at, seq: activity.seq };
      merge(conversationId, fields);
      schedule();
    },

    /** Writes everything recorded so far, trying a few times (graceful stop, and tests that read the document). */
    async flushNow(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      for (let attempt = 0; attempt < 5 && (flushing || pending.size > 0); attempt += 1) {
        if (flushing) await flushing;
        lastFlushAt = Date.now();
        flushing = flush().finally(() => {
          flushing = null;
        });
        await flushing;
      }
      schedule();
    },
  };
}

export type MessageActivityWriter = ReturnType<typeof createMessageActivity>;
