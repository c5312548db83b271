import {
  AppError,
  type ConversationView,
  type CustomerView,
  type Prechat,
  type SystemEvent,
} from '@switchboard/shared';
import type { TeamAway } from '@switchboard/shared/i18n';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { Types, type Connection } from 'mongoose';
import type { CustomersService } from '../customers/customers.service.js';
import { isDuplicateKey } from '../infra/app-errors.js';
import { createModelInserts } from '../infra/batched-inserts.js';
import type { MessagesService, Speaker } from '../messages/messages.service.js';
import type { AgentPrincipal } from '../auth/principal.js';
import { authorize, type Viewer } from './access.js';
import type { Broadcaster } from './broadcast.js';
import { createCaseNumbers } from './case-number.js';
import type { ConversationHooks } from './conversation-hooks.js';
import { conversationModels, type ConversationDocument } from './conversation.model.js';
import { createConversationMoves } from './conversation-moves.js';
import { createConversationQueries } from './conversation-queries.js';
import { createConversationRecordQueries } from './conversation-record-queries.js';
import { createStateChanges } from './conversation-transition.js';
import { toConversationView } from './conversation-view.js';
import { offlineConversationId } from './offline-conversation-id.js';

const LIVE = ['queued', 'active'] as const;
/** The welcome line (with the case number) is a live chat's first message. */
const WELCOME_SEQ = 1;
/** How often, and how long, a start looks for a chat another tab's start has claimed but not yet stored. */
const CLAIMED_POLL_MS = 50;
const CLAIMED_WAIT_MS = 2_000;
/** A claim this old whose chat was never stored was abandoned (its process died between claim and insert). */
const CLAIM_ABANDONED_MS = 30_000;

/** The one line a close posts: the plain goodbye, or a line of the caller's (the idle goodbye). */
export interface ClosingLine {
  event: SystemEvent;
  params: Record<string, string>;
  /** The advisor the line speaks for, when it is in their voice. */
  speaker?: Speaker;
}

export type ConversationsService = ReturnType<typeof createConversationsService>;

export function createConversationsService(deps: {
  mongo: Connection;
  customers: Pick<CustomersService, 'livePointerOf' | 'moveLivePointer' | 'releaseLivePointer'>;
  messages: MessagesService;
  broadcast: Broadcaster;
  hooks: ConversationHooks;
  /** Routing: the department serving a pre-chat topic (null: the general queue), stored at creation. */
  departmentFor?: (topic: string) => Promise<Types.ObjectId | null>;
  /** Routing: why nobody of the queue's team can answer now (closed, nobody online), or null. */
  teamAway?: (departmentId: Types.ObjectId | null) => Promise<TeamAway | null>;
  /** A step after a stored state change failed (logged; the change stands). */
  onSideEffectFailed: (error: unknown, what: string) => void;
  redis: Redis;
  prefix: string;
}) {
  const models = conversationModels(deps.mongo);
  const { Conversation } = models;
  const { customers } = deps;
  const { liveState } = deps.messages;
  const caseNumbers = createCaseNumbers({ redis: deps.redis, prefix: deps.prefix, models });
  // Chats that start together share insert commands.
  const newConversations = createModelInserts(Conversation);
  const changeState = createStateChanges(deps);

  const load = async (id: string | Types.ObjectId) =>
    (await Conversation.findById(id).lean()) as ConversationDocument | null;

  /**
   * Writes a state change and mirrors it to the live state (live-state.ts):
   * `filter` is the condition the change was decided on, so of two processes
   * deciding at once only one writes (MongoDB applies a conditional update to
   * one document atomically; so does our FerretDB build, see
   * docs/consistency.md). Null when the condition no longer holds.
   */
  async function transition(
    filter: Record<string, unknown>,
    set: Record<string, unknown>,
    options: { publish: boolean } = { publish: true },
  ): Promise<ConversationDocument | null> {
    const updated = (await Conversation.findOneAndUpdate(
      filter,
      { $set: set, $inc: { stateRev: 1 } },
      { returnDocument: 'after' },
    ).lean()) as ConversationDocument | null;
    if (updated && options.publish) await liveState.publish(updated);
    return updated;
  }

  /**
   * Read, decide, write one conversation: `decide` returns the fields to set,
   * or null to leave it as it is. The write is conditional on the revision
   * read, so a change made meanwhile by anyone makes it decide again on the
   * new state. Resolves to the document as stored (or null when it does not exist).
   */
  async function mutate(
    id: string,
    decide: (conversation: ConversationDocument) => Record<string, unknown> | null,
  ): Promise<{ conversation: ConversationDocument; changed: boolean } | null> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await load(id);
      if (!current) return null;
      const changes = decide(current);
      if (!changes) return { conversation: current, changed: false };
      // Documents stored before revisions existed have none: `null` matches the missing field.
      const revision = (current.stateRev as number | undefined) ?? null;
      const updated = await transition({ _id: current._id, stateRev: revision }, changes);
      if (updated) return { conversation: updated, changed: true };
    }
    throw new AppError('STORE_UNAVAILABLE', 'The conversation kept changing; retry.');
  }

  async function createFor(
    customer: CustomerView,
    prechat: Prechat,
    extra: { _id: Types.ObjectId; offline?: boolean; offlineRequestId?: string },
  ): Promise<ConversationDocument> {
    const now = new Date();
    const departmentId = (await deps.departmentFor?.(prechat.topic)) ?? null;
    // Read beside the insert, not before it: the start waits for the slower of the two only.
    // Unknown (routing failed to answer) keeps the usual welcome.
    const away: Promise<TeamAway | null> =
      extra.offline || !deps.teamAway
        ? Promise.resolve(null)
        : deps.teamAway(departmentId).catch((error: unknown) => {
            deps.onSideEffectFailed(error, 'the team was not checked for the welcome line');
            return null;
          });
    for (let attempt = 0; ; attempt += 1) {
      const caseNumber = await caseNumbers.next(now);
      try {
        const welcomed = !extra.offline;
        const created = (await newConversations.insert({
          ...extra,
          departmentId,
          caseNumber,
          status: 'queued',
          customerId: new Types.ObjectId(customer.id),
          topic: prechat.topic,
          language: prechat.language,
          prechat: {
            name: prechat.name ?? customer.name,
            email: prechat.email ?? customer.email,
            region: prechat.region,
            pageUrl: prechat.pageUrl,
            userAgent: prechat.userAgent,
            timeZone: prechat.timeZone,
          },
          queuedAt: now,
          // The welcome line's seq: priming the live state from this starts the counter after it.
          lastSeq: welcomed ? WELCOME_SEQ : 0,
        })) as ConversationDocument;
        // A live chat opens with its case number, before anyone is assigned (a message left
        // offline gets it on the confirmation screen instead). Both writes at once: neither
        // needs the other, and the counter is primed past the welcome's seq.
        await Promise.all([
          liveState.prime(created),
          welcomed
            ? away
                .then((teamAway) =>
                  // Nobody can answer now: the welcome says so instead of "shortly".
                  deps.messages.storeOpening(created, WELCOME_SEQ, 'conversation.started', {
                    caseNumber,
                    ...(teamAway ? { teamAway } : {}),
                  }),
                )
                // The chat stands without its welcome (the case number is on every later screen).
                .catch((error: unknown) => deps.onSideEffectFailed(error, 'the welcome line was not stored'))
            : undefined,
        ]);
        return created;
      } catch (error) {
        // The number was taken (the counter is behind the stored numbers): heal it and take
        // another. A clash on `_id` is the caller's to answer (a repeated offline request).
        if (!isDuplicateKey(error) || attempt >= 3 || (await load(extra._id))) throw error;
        await caseNumbers.heal(now);
      }
    }
  }

  /**
   * The conversation a customer's pointer names. A pointer claimed moments
   * ago may name a chat whose insert is still on its way (another tab's
   * start): that one is waited for, never replaced, or two tabs would each
   * open a chat. Only a pointer older than any insert takes (its starter
   * died between claim and insert) is given up: null, to be replaced.
   */
  async function loadClaimed(pointer: Types.ObjectId): Promise<ConversationDocument | null> {
    for (let waited = 0; ; waited += CLAIMED_POLL_MS) {
      const found = await load(pointer);
      if (found) return found;
      if (Date.now() - pointer.getTimestamp().getTime() > CLAIM_ABANDONED_MS) return null;
      if (waited >= CLAIMED_WAIT_MS) throw new AppError('STORE_UNAVAILABLE', 'Your chat is still being opened; retry.');
      await sleep(CLAIMED_POLL_MS);
    }
  }

  return {
    load,
    ...createConversationQueries(Conversation),
    ...createConversationRecordQueries(Conversation),
    ...createConversationMoves(mutate),
    /** A move (conversation-moves.ts) told to everyone: see conversation-transition.ts. */
    changeState,

    /**
     * The customer's live conversation, created if there is none. The
     * customer's `liveConversationId` is claimed with a conditional write
     * before the conversation is created, so two tabs starting at once still
     * get one chat: the loser reads the winner's, waiting for it if its
     * insert is still on its way. A pointer to a chat that ended (or never
     * got stored: a crash between claim and insert) is replaced the same way.
     * `liveConversationId`: the pointer this request already set to this id
     * (a customer it created, or one whose pointer it claimed from null);
     * nobody else knows the id yet.
     * `pointer`: the customer's pointer as the caller just read it.
     */
    async start(
      customer: CustomerView,
      prechat: Prechat,
      options: { liveConversationId?: Types.ObjectId; pointer?: Types.ObjectId | null } = {},
    ): Promise<{ conversation: ConversationDocument; created: boolean }> {
      let conversationId = options.liveConversationId;
      for (let attempt = 0; !conversationId; attempt += 1) {
        if (attempt >= 5) throw new AppError('STORE_UNAVAILABLE', 'Your chat kept changing; retry.');
        const owner =
          attempt === 0 && options.pointer !== undefined
            ? { liveConversationId: options.pointer }
            : await customers.livePointerOf(customer.id);
        if (!owner) throw new AppError('NOT_FOUND', 'No such customer.');
        const pointer = owner.liveConversationId ?? null;
        if (pointer) {
          const live = await loadClaimed(pointer);
          if (live && live.status !== 'closed') return { conversation: live, created: false };
        }
        const id = new Types.ObjectId();
        if (await customers.moveLivePointer(customer.id, pointer, id)) conversationId = id;
      }
      const conversation = await createFor(customer, prechat, { _id: conversationId });
      await deps.hooks.emit('created', conversation);
      return { conversation, created: true };
    },

    /**
     * A message left while nobody could chat, as a queued conversation
     * marked offline (agents pick it up and answer by email). It is not the
     * customer's live chat, so a later `start` opens a new one. Its id is
     * derived from the customer and `requestId`, so the same request again
     * (a retry, or two at once) answers the first conversation.
     */
    async startOffline(
      customer: CustomerView,
      prechat: Prechat,
      requestId: string,
    ): Promise<{ conversation: ConversationDocument; created: boolean }> {
      const _id = offlineConversationId(customer.id, requestId);
      const earlier = await load(_id);
      if (earlier) return { conversation: earlier, created: false };
      let conversation: ConversationDocument;
      try {
        conversation = await createFor(customer, prechat, { _id, offline: true, offlineRequestId: requestId });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const winner = await load(_id);
        if (!winner) throw error;
        return { conversation: winner, created: false };
      }
      await deps.hooks.emit('created', conversation);
      return { conversation, created: true };
    },

    async get(conversationId: string, viewer: Viewer, need: 'read' | 'write'): Promise<ConversationDocument> {
      return authorize(await load(conversationId), viewer, need);
    },

    /** Queued and active conversations of a customer, to resume after a reload. */
    async liveForCustomer(customerId: string): Promise<ConversationDocument[]> {
      return await Conversation.find({ customerId, status: { $in: LIVE } })
        .sort({ createdAt: 1 })
        .lean();
    },

    async liveForAgent(agentId: string): Promise<ConversationDocument[]> {
      return await Conversation.find({ agentId, status: 'active' }).sort({ assignedAt: 1 }).lean();
    },

    /**
     * Hands a queued conversation to an agent: one conditional write, which
     * only a chat still waiting matches, so two processes can never both
     * assign it. Routing claims the agent's capacity first and gives it back
     * when this throws CONFLICT.
     */
    async assign(
      conversationId: string,
      /** Who takes it: all that is written is their id and the card customers see. */
      agent: Pick<AgentPrincipal, 'id' | 'displayName' | 'avatarUrl'> & Partial<AgentPrincipal>,
      /** `claimed`: routing has already taken it out of its queue (a routed assignment, a pickup). */
      how: { claimed: boolean } = { claimed: false },
    ): Promise<ConversationDocument> {
      if (!Types.ObjectId.isValid(conversationId))
        throw new AppError('CONFLICT', 'This conversation is no longer waiting.');
      const done = await changeState({
        write: () =>
          transition(
            { _id: new Types.ObjectId(conversationId), status: 'queued' },
            {
              status: 'active',
              agentId: new Types.ObjectId(agent.id),
              agentCard: { displayName: agent.displayName, avatarUrl: agent.avatarUrl },
              assignedAt: new Date(),
              avoidAgentId: null,
            },
            { publish: false },
          ),
        // From here the chat is the agent's, whatever fails: callers count it on the agent.
        prepare: () => deps.broadcast.joinAgent(agent.id, conversationId),
        line: () => ({ event: 'conversation.assigned', params: { agentName: agent.displayName } }),
      });
      if (!done) throw new AppError('CONFLICT', 'This conversation is no longer waiting.');
      const assigned = done.conversation;
      await deps.hooks.emit('assigned', assigned, how);
      return assigned;
    },

    /**
     * Ends a conversation once; closing again answers the closed conversation.
     * Posts one closing line: `line`, or the plain "this chat has ended".
     */
    async close(
      conversation: Pick<ConversationDocument, '_id'>,
      by: { kind: 'customer' | 'agent' | 'system'; id?: string },
      disposition?: string,
      line?: ClosingLine,
    ): Promise<ConversationView> {
      const done = await changeState({
        write: () =>
          transition(
            { _id: conversation._id, status: { $ne: 'closed' } },
            { status: 'closed', closedAt: new Date(), closedBy: by, ...(disposition ? { disposition } : {}) },
            { publish: false },
          ),
        // The closing line also closes the live state, so messages are refused from here on.
        line: (closed) => ({
          event: line?.event ?? 'conversation.closed',
          params: { ...line?.params, by: by.kind },
          options: {
            clientMessageId: `sys-closed-${closed._id.toHexString()}`,
            evenIfClosed: true,
            ...(line?.speaker ? { speaker: line.speaker } : {}),
          },
        }),
      });
      if (!done) {
        const current = await load(conversation._id);
        if (!current) throw new AppError('NOT_FOUND', 'No such conversation.');
        return toConversationView(current);
      }
      // After the closing line, which closes the live state: should this fail, messages are refused
      // already (a start reading the stale pointer finds its chat closed and replaces it anyway).
      await customers.releaseLivePointer(done.conversation.customerId, done.conversation._id);
      await deps.hooks.emit('closed', done.conversation);
      return done.view;
    },
  };
}
