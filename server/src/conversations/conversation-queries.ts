import { IDLE_REASONS, type IdleReason } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { ConversationDocument, conversationModels } from './conversation.model.js';

type ConversationModel = ReturnType<typeof conversationModels>['Conversation'];

/** A count per department or agent (null: the general queue, or nobody). */
export interface CountRow {
  _id: Types.ObjectId | null;
  count: number;
}

/** What routing reads of a waiting chat to put it back in its queue's order. */
export type QueuedForRouting = Pick<
  ConversationDocument,
  '_id' | 'departmentId' | 'language' | 'queuedAt' | 'priority' | 'avoidAgentId' | 'offline'
>;

/**
 * The questions other folders ask of stored conversations, one query each,
 * so the conversations folder alone knows the collection's shape. Several are
 * on hot or near-hot paths (routing's repair, the desk, the board): each keeps
 * the filter it was written with, since FerretDB v1 serves only some filters
 * from an index (docs/consistency.md).
 */
export function createConversationQueries(Conversation: ConversationModel) {
  const countActive = (groupBy: '$departmentId' | '$agentId', extra: Record<string, unknown> = {}) =>
    Conversation.aggregate<CountRow>([
      { $match: { status: 'active', ...extra } },
      { $group: { _id: groupBy, count: { $sum: 1 } } },
    ]);

  return {
    /** Waiting chats per department (null: the general queue). */
    queuedCountByDepartment: () =>
      Conversation.aggregate<CountRow>([
        { $match: { status: 'queued' } },
        { $group: { _id: '$departmentId', count: { $sum: 1 } } },
      ]),

    /** Chats in progress per department. */
    activeCountByDepartment: () => countActive('$departmentId'),

    /**
     * Chats in progress per agent, among these agents (matched on their ids:
     * FerretDB left the plain `$group` by `$agentId` over every active chat
     * empty on seeded data); `idleOnly`: only those flagged idle.
     */
    activeCountByAgent: (agentIds: Types.ObjectId[], options: { idleOnly?: boolean } = {}) =>
      countActive('$agentId', {
        agentId: { $in: agentIds },
        ...(options.idleOnly ? { 'idle.reason': { $in: [...IDLE_REASONS] } } : {}),
      }),

    /** Every chat in progress and who holds it. */
    activeAssignments: () =>
      Conversation.find({ status: 'active' }, { _id: 1, agentId: 1 }).lean<
        Pick<ConversationDocument, '_id' | 'agentId'>[]
      >(),

    /** Every waiting chat, with what routing orders it by. */
    queuedForRouting: () =>
      Conversation.find(
        { status: 'queued' },
        { _id: 1, departmentId: 1, language: 1, queuedAt: 1, priority: 1, avoidAgentId: 1, offline: 1 },
      ).lean<QueuedForRouting[]>(),

    /** Whether the chat is still waiting, as stored now. */
    isQueued: async (id: string) => (await Conversation.findById(id, { status: 1 }).lean())?.status === 'queued',

    /** The waiting chats of one queue (null: the general queue), oldest first. */
    queuedIn: async (departmentId: Types.ObjectId | null) =>
      (await Conversation.find({ status: 'queued', departmentId })
        .sort({ queuedAt: 1 })
        .lean()) as ConversationDocument[],

    withIds: async (ids: Types.ObjectId[]) =>
      (await Conversation.find({ _id: { $in: ids } }).lean()) as ConversationDocument[],

    /**
     * Queued and active chats (offline messages aside), oldest first: of one
     * agent, of one department (null: the general queue), or all.
     */
    live: async (scope: { agentId?: Types.ObjectId; departmentId?: Types.ObjectId | null }, limit: number) => {
      const filter: Record<string, unknown> = { status: { $in: ['queued', 'active'] }, offline: { $ne: true } };
      if (scope.agentId) filter.agentId = scope.agentId;
      if (scope.departmentId !== undefined) filter.departmentId = scope.departmentId;
      return (await Conversation.find(filter).sort({ queuedAt: 1 }).limit(limit).lean()) as ConversationDocument[];
    },

    /** Of these chats, the ids of those assigned to this agent. */
    assignedAmong: async (agentId: string, conversationIds: string[]) =>
      (await Conversation.find({ _id: { $in: conversationIds }, agentId }, { _id: 1 }).lean()).map((conversation) =>
        conversation._id.toHexString(),
      ),

    /** Whether this agent is serving this customer now (a chat of theirs in progress). */
    isServing: async (agentId: string, customerId: string) =>
      Boolean(await Conversation.exists({ customerId, agentId, status: 'active' })),

    /** A customer's latest chats, newest first. */
    ofCustomer: async (customerId: string, limit: number) =>
      (await Conversation.find({ customerId }).sort({ queuedAt: -1 }).limit(limit).lean()) as ConversationDocument[],

    /**
     * The ids of the chats in progress that idle timers watch (offline
     * messages aside), of one department or all, streamed from a cursor: a
     * sweep over every live chat never holds them all in memory.
     */
    async *timedLiveIds(departmentId?: Types.ObjectId): AsyncGenerator<string> {
      const cursor = Conversation.find(
        { ...(departmentId ? { departmentId } : {}), status: 'active', offline: { $ne: true } },
        { _id: 1 },
      )
        .lean()
        .cursor();
      for await (const conversation of cursor) yield conversation._id.toHexString();
    },

    /** Stores an idle flag on a chat still in progress; false when it is not (or has that flag already). */
    setIdleFlag: async (id: Types.ObjectId, reason: IdleReason, since: Date) =>
      (await Conversation.updateOne({ _id: id, status: 'active' }, { $set: { idle: { reason, since } } }))
        .modifiedCount > 0,

    /** Clears the stored idle flag of this reason (raised at `since`, when given); true when there was one. */
    clearIdleFlag: async (id: string, reason: IdleReason, since?: Date) =>
      (
        await Conversation.updateOne(
          { _id: id, 'idle.reason': reason, ...(since ? { 'idle.since': since } : {}) },
          { $set: { idle: null } },
        )
      ).modifiedCount > 0,

    /** Chats in progress flagged idle, at most `limit`. */
    flaggedIdle: async (limit: number) =>
      (await Conversation.find({ status: 'active', 'idle.reason': { $in: [...IDLE_REASONS] } })
        .limit(limit)
        .lean()) as ConversationDocument[],

    /**
     * Counts one more transcript request unless the chat already has `max`:
     * one atomic write, so parallel requests cannot pass the cap together.
     * False when the cap is reached.
     */
    countTranscriptRequest: async (id: Types.ObjectId, max: number) => {
      const counted = await Conversation.updateOne(
        {
          _id: id,
          $or: [{ transcriptRequests: { $exists: false } }, { transcriptRequests: { $lt: max } }],
        },
        { $inc: { transcriptRequests: 1 } },
        { strict: false },
      );
      return counted.modifiedCount > 0;
    },

    /**
     * Moves a side's delivered/read marks forward, never back (`$max`, one
     * atomic write, whoever else writes the document meanwhile); the marks as stored.
     */
    raiseReceipts: async (id: Types.ObjectId, side: 'customer' | 'agent', readSeq: number, deliveredSeq: number) => {
      const stored = (await Conversation.findOneAndUpdate(
        { _id: id },
        { $max: { [`receipts.${side}.readSeq`]: readSeq, [`receipts.${side}.deliveredSeq`]: deliveredSeq } },
        { returnDocument: 'after' },
      ).lean()) as Pick<ConversationDocument, 'receipts'> | null;
      return stored?.receipts?.[side];
    },
  };
}
