import { AppError, type IdleReason } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import type { Types } from 'mongoose';
import { LIVE_STATE_SCRIPTS } from './live-state-scripts.js';

/** Whose turn it is: the side of the last customer or agent message (internal notes and system lines do not count). */
export type TurnSide = 'customer' | 'agent';

/** What the live state mirrors of a conversation document (see {@link LiveStateStore}). */
export interface LiveStateSource {
  _id: Types.ObjectId;
  stateRev?: number | null;
  status: string;
  customerId: Types.ObjectId;
  agentId?: Types.ObjectId | null;
  departmentId?: Types.ObjectId | null;
  offline?: boolean | null;
  prechat?: { name?: string | null } | null;
  idle?: { reason?: string | null } | null;
  turn?: { side?: string | null } | null;
  firstAgentReplyAt?: Date | null;
  lastSeq?: number | null;
}

/** A conversation as the message path sees it, read atomically with the seq it allocated. */
export interface LiveState {
  /** The document's `stateRev` this mirror was loaded or published from. */
  rev: number;
  status: string;
  customerId: string;
  agentId: string | null;
  departmentId: string | null;
  offline: boolean;
  customerName: string | null;
  turn: TurnSide | null;
  /**
   * Changes with every customer or agent message (the seq of the latest
   * one, or where the mirror started counting): a decision taken on one
   * value is stale once it differs.
   */
  visibleSeq: number;
  /** The same for customer messages alone: a decision about the customer's silence is stale once it differs. */
  customerSeq: number;
  /** The same for agent messages alone: a turn the document recorded before it is over. */
  agentSeq: number;
  idle: IdleReason | null;
  /** An agent has written to the customer (the chat's first reply is stored). */
  answered: boolean;
}

/** The outcome of admitting one message: its seq, and the conversation as it was just before it. */
export interface Admission {
  seq: number;
  state: LiveState;
  /** An idle flag this message cleared (the customer answered a check-in, the agent answered a flagged chat). */
  clearedIdle: IdleReason | null;
}

export interface AdmitInput {
  conversationId: Types.ObjectId;
  side: 'customer' | 'agent' | 'system';
  /** The customer's or agent's id (ignored for system messages). */
  actorId?: string;
  /** Supervisors and admins may write in any conversation. */
  writesAnywhere?: boolean;
  internal: boolean;
  /** Store even into a closed conversation (its own closing line). */
  allowClosed?: boolean;
  /** The sender's message limit: `points` messages per window (none for system messages). */
  rate?: { key: string; points: number; windowMs: number };
  /** A state change stored just before this (system) message: mirrored in the same call (see {@link LiveStateStore.publish}). */
  publish?: LiveStateSource;
}

/**
 * The live part of every conversation, kept in Redis so that storing a
 * message costs one Redis command instead of a database read and a write.
 *
 * Two keys per conversation: a hash mirroring the fields the message path
 * decides on (status, customer, agent, department, offline, the customer's
 * name, whose turn it is, the idle flag) and a counter that hands out message
 * seqs. One script ({@link admit}) authorizes the sender, applies their rate
 * limit, takes the next seq and records the turn, atomically, so a message
 * either gets a seq in a conversation that accepted it or is refused.
 *
 * The database stays the record. A state change (assignment, close,
 * transfer) writes the document first, with `stateRev` incremented, then
 * {@link publish}es it here; a publish only replaces an older revision. The
 * hash expires {@link STATE_TTL_SECONDS} after it was loaded, so if a process
 * dies between the two writes the mirror is reloaded from the database within
 * that time. A missing hash is loaded on first use ({@link admit} retries
 * once); a missing counter is recovered from the highest seq stored, and the
 * unique `{conversationId, seq}` index refuses a seq taken twice (the store
 * then heals the counter and takes another).
 */
export interface LiveStateStore {
  admit(input: AdmitInput): Promise<Admission>;
  /** The mirror as it is now (loaded from the database when absent); null for a conversation that does not exist. */
  read(conversationId: Types.ObjectId): Promise<LiveState | null>;
  /** A conversation was just created: its mirror and counter start here, so its first message reads no document. */
  prime(conversation: LiveStateSource): Promise<void>;
  /** A state change was stored: mirror it (ignored when the mirror already holds this revision or a later one). */
  publish(conversation: LiveStateSource): Promise<void>;
  /** The highest seq handed out so far (0 when none). */
  currentSeq(conversationId: Types.ObjectId): Promise<number>;
  /** A seq was refused as taken: moves the counter past every stored message. */
  healSeq(conversationId: Types.ObjectId): Promise<void>;
  /**
   * Sets the idle flag if nothing moved since the caller read `seen` (no
   * customer or agent message, no state change, still active); false otherwise.
   */
  flagIdle(
    conversationId: Types.ObjectId,
    reason: IdleReason,
    seen: Pick<LiveState, 'rev' | 'visibleSeq'>,
  ): Promise<boolean>;
  /** Clears the idle flag if it has this reason. */
  clearIdle(conversationId: Types.ObjectId, reason: IdleReason): Promise<void>;
}

/** How long a loaded mirror is trusted before it is read from the database again. */
export const STATE_TTL_SECONDS = 600;
/** How long a closed conversation's keys stay (late receipts, the closing line) before they go. */
const CLOSED_TTL_SECONDS = 3_600;

/** The hash's fields in the order {@link LiveState} is read from (the admit script answers in the same order). */
const STATE_FIELDS = [
  'rev',
  'status',
  'customer',
  'agent',
  'dept',
  'offline',
  'name',
  'turn',
  'visibleSeq',
  'customerSeq',
  'idle',
  'answered',
  'agentSeq',
];

type ScriptReply = (string | number)[];
type Scripts = Record<keyof typeof LIVE_STATE_SCRIPTS, (...args: (string | number)[]) => Promise<ScriptReply>>;

export function createLiveStateStore(deps: {
  redis: Redis;
  prefix: string;
  /** The conversation document as stored now, or null. */
  load(conversationId: Types.ObjectId): Promise<LiveStateSource | null>;
  /** The highest seq among the conversation's stored messages (0 when none). */
  highestStoredSeq(conversationId: Types.ObjectId): Promise<number>;
}): LiveStateStore {
  const { redis, prefix } = deps;
  for (const [name, lua] of Object.entries(LIVE_STATE_SCRIPTS)) {
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: lua.keys, lua: lua.source });
  }
  const scripts = redis as unknown as Scripts;
  const stateKey = (id: Types.ObjectId) => `${prefix}:conv:${id.toHexString()}`;
  const seqKey = (id: Types.ObjectId) => `${prefix}:conv:${id.toHexString()}:seq`;

  const fieldsOf = (conversation: LiveStateSource): (string | number)[] => [
    'status',
    conversation.status,
    'customer',
    conversation.customerId.toHexString(),
    'agent',
    conversation.agentId?.toHexString() ?? '',
    'dept',
    conversation.departmentId?.toHexString() ?? '',
    'offline',
    conversation.offline ? '1' : '0',
    'name',
    conversation.prechat?.name ?? '',
    'idle',
    conversation.idle?.reason ?? '',
    'answered',
    conversation.firstAgentReplyAt ? '1' : '0',
  ];
  const turnOf = (conversation: LiveStateSource) =>
    conversation.turn?.side === 'customer' || conversation.turn?.side === 'agent' ? conversation.turn.side : '';
  const ttlFor = (conversation: LiveStateSource) =>
    conversation.status === 'closed' ? CLOSED_TTL_SECONDS : STATE_TTL_SECONDS;

  /** Writes the mirror unless a newer revision is there, and raises the counter to `highestSeq`. */
  const load = (conversation: LiveStateSource, highestSeq: number) =>
    scripts.sbLivePopulate(
      stateKey(conversation._id),
      seqKey(conversation._id),
      conversation.stateRev ?? 0,
      ttlFor(conversation),
      Math.max(highestSeq, conversation.lastSeq ?? 0),
      turnOf(conversation),
      ...fieldsOf(conversation),
    );

  /** Loads the mirror from the database (and the seq counter if it is missing); false when the conversation does not exist. */
  async function populate(conversationId: Types.ObjectId): Promise<boolean> {
    const [conversation, highest] = await Promise.all([
      deps.load(conversationId),
      deps.highestStoredSeq(conversationId),
    ]);
    if (!conversation) return false;
    await load(conversation, highest);
    return true;
  }

  const asState = (values: (string | number | null)[]): LiveState => {
    const text = (index: number) => {
      const value = values[index];
      return value === null || value === undefined ? '' : String(value);
    };
    return {
      rev: Number(text(0) || 0),
      status: text(1),
      customerId: text(2),
      agentId: text(3) || null,
      departmentId: text(4) || null,
      offline: text(5) === '1',
      customerName: text(6) || null,
      turn: text(7) === 'customer' || text(7) === 'agent' ? (text(7) as TurnSide) : null,
      visibleSeq: Number(text(8) || 0),
      customerSeq: Number(text(9) || 0),
      idle: (text(10) || null) as IdleReason | null,
      answered: text(11) === '1',
      // A mirror written before it counted agent messages knows none of them: unknown, not none.
      agentSeq: text(12) === '' ? Number.POSITIVE_INFINITY : Number(text(12)),
    };
  };

  /** PUBLISH's arguments for a state change: rev, ttl, seq ttl, turn, field/value pairs. */
  const publishArgs = (conversation: LiveStateSource): (string | number)[] => [
    conversation.stateRev ?? 0,
    ttlFor(conversation),
    conversation.status === 'closed' ? CLOSED_TTL_SECONDS : 0,
    turnOf(conversation),
    ...fieldsOf(conversation),
  ];

  async function admitOnce(input: AdmitInput): Promise<ScriptReply> {
    const rate = input.rate ?? null;
    return scripts.sbLiveAdmit(
      stateKey(input.conversationId),
      seqKey(input.conversationId),
      rate ? `${prefix}:${rate.key}` : `${prefix}:rl:none`,
      input.side,
      input.actorId ?? '',
      input.writesAnywhere ? '1' : '0',
      input.internal ? '1' : '0',
      input.allowClosed ? '1' : '0',
      rate?.points ?? 0,
      rate?.windowMs ?? 0,
      ...(input.publish ? publishArgs(input.publish) : []),
    );
  }

  const outage = (error: unknown) =>
    new AppError('STORE_UNAVAILABLE', 'Storage is busy; retry shortly.', undefined, { cause: error });

  return {
    async admit(input) {
      for (let attempt = 0; ; attempt += 1) {
        let reply: ScriptReply;
        try {
          reply = await admitOnce(input);
        } catch (error) {
          throw outage(error);
        }
        const [outcome] = reply;
        switch (outcome) {
          case 'ok':
            return {
              seq: Number(reply[1]),
              state: asState(reply.slice(2, 15)),
              clearedIdle: (String(reply[15] ?? '') || null) as IdleReason | null,
            };
          case 'missing':
            if (attempt >= 2) throw new AppError('STORE_UNAVAILABLE', 'The conversation kept changing; retry.');
            if (!(await populate(input.conversationId))) {
              throw new AppError('NOT_FOUND', 'No such conversation.');
            }
            continue;
          case 'not-found':
            throw new AppError('NOT_FOUND', 'No such conversation.');
          case 'forbidden':
            throw new AppError('FORBIDDEN', 'You do not have access to this conversation.');
          case 'closed':
            throw new AppError('CONVERSATION_CLOSED', 'This conversation has ended.');
          case 'rate-limited':
            throw new AppError('RATE_LIMITED', 'Too many requests; slow down.', {
              retryAfterMs: Math.max(1, Number(reply[1])),
            });
          default:
            throw new AppError('INTERNAL', `Unexpected answer from the live state: ${String(outcome)}`);
        }
      }
    },

    async read(conversationId) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const values = await redis.hmget(stateKey(conversationId), ...STATE_FIELDS);
        if (values[1]) return asState(values);
        if (!(await populate(conversationId))) return null;
      }
      throw new AppError('STORE_UNAVAILABLE', 'The conversation kept changing; retry.');
    },

    async prime(conversation) {
      await load(conversation, 0);
    },

    async publish(conversation) {
      await scripts.sbLivePublish(stateKey(conversation._id), seqKey(conversation._id), ...publishArgs(conversation));
    },

    async currentSeq(conversationId) {
      return Number((await redis.get(seqKey(conversationId))) ?? 0);
    },

    async healSeq(conversationId) {
      const highest = await deps.highestStoredSeq(conversationId);
      await scripts.sbLiveRaiseSeq(seqKey(conversationId), highest);
    },

    async flagIdle(conversationId, reason, seen) {
      const reply = await scripts.sbLiveFlagIdle(stateKey(conversationId), reason, seen.rev, seen.visibleSeq);
      return Number(reply) === 1;
    },

    async clearIdle(conversationId, reason) {
      await scripts.sbLiveClearIdle(stateKey(conversationId), reason);
    },
  };
}
