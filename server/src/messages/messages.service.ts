import { randomUUID } from 'node:crypto';
import {
  AppError,
  type AttachmentView,
  type MessageAuthor,
  type MessagePage,
  type MessageView,
  type SystemEvent,
} from '@switchboard/shared';
import { renderSystemMessage, resolveLocale } from '@switchboard/shared/i18n';
import type { Redis } from 'ioredis';
import type { AttachmentRef } from '../attachments/attachment-links.js';
import type { Connection, mongo, Types } from 'mongoose';
import { isDuplicateKey } from '../infra/app-errors.js';
import type { Logger } from '../infra/logger.js';
import { createBatchedInserts } from '../infra/batched-inserts.js';
import { createLiveStateStore, type Admission, type LiveStateSource } from './live-state.js';
import { maskSecrets } from './mask.js';
import { createMessageActivity } from './message-activity.js';
import { createMessageQueries } from './message-queries.js';
import { messageIdFor } from './message-id.js';
import { messageModel, type MessageDocument } from './message.model.js';
import { toMessageView as toStoredMessageView } from './message-view.js';

/** Most messages one sync or history call returns; `hasMore` asks the client to call again. */
export const PAGE_LIMIT = 200;
/** Refusals after which a send may still be a retry of one stored before: answered with the original. */
const REFUSALS_A_RETRY_SURVIVES: ReadonlySet<string> = new Set(['CONVERSATION_CLOSED', 'RATE_LIMITED']);
/** Times a send is tried again after its seq turned out to be taken (the counter is healed in between). */
const SEQ_RETRIES = 3;

export interface NewMessage {
  conversationId: Types.ObjectId;
  author: MessageAuthor;
  clientMessageId: string;
  body: string;
  internal?: boolean;
  system?: { event: SystemEvent; params: Record<string, string> };
  /** Store even into a closed conversation (its own closing line). */
  allowClosed?: boolean;
  /** Supervisors and admins write in any conversation; everyone else only in their own. */
  writesAnywhere?: boolean;
  /** The sender's message limit (system messages have none). */
  rate?: { key: string; points: number; windowMs: number };
  /** A state change this (system) message announces: mirrored to the live state in the same call. */
  publish?: LiveStateSource;
  /** Runs the admission (which takes the seq) behind the sender's earlier ones; the insert is not held back. */
  inOrder?: <T>(admit: () => Promise<T>) => Promise<T>;
  /**
   * Claims the file this message carries (attachment-claims.ts); run once, in
   * the sender's order just before the admission, so a file and the text typed
   * after it keep their order. Only sends carrying a file have it.
   */
  claimAttachment?: () => Promise<AttachmentRef>;
}

export interface StoredMessage {
  message: MessageView;
  /** An earlier send with the same clientMessageId: nothing was stored now. */
  duplicate: boolean;
  /** The conversation as the message found it (see live-state.ts); null for a duplicate refused before it got a seq. */
  admission: Admission | null;
}

/** How a system line is stored. */
export interface SystemLineOptions {
  /** Makes it idempotent where the caller may run twice. */
  clientMessageId?: string;
  /** Its own closing line goes into a closed conversation. */
  evenIfClosed?: boolean;
  /** The state change it announces, mirrored to the live state in the same call. */
  publish?: LiveStateSource;
  /** The advisor a line in their voice speaks for (ADVISOR_VOICED_EVENTS): shown under their name. */
  speaker?: Speaker;
}

/** An advisor as customers see them. */
export interface Speaker {
  id: string;
  displayName: string;
  avatarUrl?: string | null | undefined;
}

const systemAuthor = (speaker: Speaker | undefined): MessageAuthor =>
  speaker
    ? {
        kind: 'system',
        id: speaker.id,
        displayName: speaker.displayName,
        ...(speaker.avatarUrl ? { avatarUrl: speaker.avatarUrl } : {}),
      }
    : { kind: 'system' };

/** A message document as it is inserted (the model's shape, params as a plain object). */
type MessageRecord = Omit<MessageDocument, 'system' | 'attachment'> & {
  system?: { event: SystemEvent; params: Record<string, string> };
  attachment?: AttachmentRef;
};

export type MessagesService = ReturnType<typeof createMessagesService>;

/**
 * What the message path reads and writes of its conversation's record,
 * given by the conversations folder (which owns the collection): a
 * conversation to prime its live state from on a miss, the collection its
 * summary fields are written behind to, and a chat's first agent reply.
 */
export interface ConversationRecords {
  load: (conversationId: Types.ObjectId) => Promise<LiveStateSource | null>;
  collection: () => mongo.Collection;
  /** Records the earliest agent reply (a `$min`: a later or repeated call changes nothing). */
  recordFirstReply: (conversationId: Types.ObjectId, at: Date) => Promise<void>;
}

/**
 * The store step of the message path, and reading messages back.
 *
 * `store`, for every message (customers', agents', system lines):
 * 1. one Redis script ({@link LiveStateStore.admit}) authorizes the sender,
 *    applies their rate limit, refuses a closed chat and takes the next seq;
 * 2. the masked message is inserted through {@link createBatchedInserts}
 *    (one `insertMany` for everything arriving while the previous one is in
 *    flight), under an `_id` derived from (conversation, clientMessageId);
 * 3. it resolves once that document is stored, so the ack never promises
 *    what is not; the conversation's summary fields are written behind
 *    ({@link createMessageActivity}).
 * A duplicate key means either a retried send (answered with the original,
 * found by `_id`) or a seq already taken (the counter lagged the stored
 * messages after a Redis restart: healed, and the send takes another).
 * Nothing is locked and no conversation document is written on this path.
 */
export function createMessagesService(deps: {
  mongo: Connection;
  redis: Redis;
  prefix: string;
  logger: Logger;
  conversations: ConversationRecords;
  /** How a message shows its file (signed links); without it, files are shown without links. */
  attachmentView?: (ref: AttachmentRef) => AttachmentView;
}) {
  const toMessageView = (message: MessageDocument) => toStoredMessageView(message, deps.attachmentView);
  const Message = messageModel(deps.mongo);
  const inserts = createBatchedInserts<MessageRecord>(() => Message.collection as never);
  const activity = createMessageActivity({ conversations: deps.conversations.collection, logger: deps.logger });

  const highestStoredSeq = async (conversationId: Types.ObjectId) =>
    (await Message.findOne({ conversationId }, { seq: 1 }).sort({ seq: -1 }).lean())?.seq ?? 0;

  const liveState = createLiveStateStore({
    redis: deps.redis,
    prefix: deps.prefix,
    load: deps.conversations.load,
    highestStoredSeq,
  });

  /**
   * The earlier send of this author with this clientMessageId. The id is the
   * client's, so another participant's message under it (an agent's internal
   * note, say) is a clash to refuse, never an ack to hand out.
   */
  const findByClientId = async (
    conversationId: Types.ObjectId,
    clientMessageId: string,
    author: Pick<MessageAuthor, 'kind' | 'id'>,
  ) => {
    // By the derived _id; by the fields where that misses (messages stored before ids were derived).
    const found =
      ((await Message.findById(messageIdFor(conversationId, clientMessageId)).lean()) as MessageDocument | null) ??
      (await Message.findOne({ conversationId, clientMessageId }).lean());
    const earlier =
      found?.conversationId.equals(conversationId) && found.clientMessageId === clientMessageId ? found : null;
    if (earlier && (earlier.author?.kind !== author.kind || earlier.author.id !== author.id)) {
      throw new AppError('CONFLICT', 'This clientMessageId belongs to another message: send with a new one.', {
        field: 'clientMessageId',
      });
    }
    return earlier;
  };

  /**
   * Stores one message: every customer, agent and system line goes through here.
   * - Locks: none. The decision is one Redis script (the live state's admit:
   *   the sender may write here, their rate limit, the chat's state, the next
   *   seq and whose turn it is, atomically); a refusal there writes nothing.
   * - Writes: the message, through the insert batch all conversations share
   *   (its `_id` is derived from the conversation and `clientMessageId`, and
   *   `{conversationId, seq}` is unique, so neither a retry nor a reused seq
   *   can store it twice); a chat's first agent reply also records when it
   *   came, before the ack; the conversation's last seq, times and turn are
   *   written behind (message-activity.ts).
   * - Outcomes: stored (`duplicate: false`); the earlier message of a
   *   retried `clientMessageId` (`duplicate: true`), even after the chat
   *   closed or the sender hit their limit; a seq found taken heals the
   *   counter and takes another; otherwise an AppError (FORBIDDEN,
   *   NOT_FOUND, CONVERSATION_CLOSED, RATE_LIMITED, CONFLICT for another
   *   author's `clientMessageId`, STORE_UNAVAILABLE) with nothing stored.
   */
  async function store(input: NewMessage): Promise<StoredMessage> {
    const { conversationId, clientMessageId } = input;
    const internal = input.internal ?? false;
    const side = input.author.kind;
    const { text, masked } = side === 'system' ? { text: input.body, masked: false } : maskSecrets(input.body);
    const admitOnly = () =>
      liveState.admit({
        conversationId,
        side,
        ...(input.author.id ? { actorId: input.author.id } : {}),
        writesAnywhere: input.writesAnywhere ?? false,
        internal,
        allowClosed: input.allowClosed ?? false,
        ...(input.rate ? { rate: input.rate } : {}),
        ...(input.publish ? { publish: input.publish } : {}),
      });
    let attachment: AttachmentRef | undefined;
    const { claimAttachment } = input;
    // Plain text admits directly: no extra step (not even a tick) on the common path.
    const admit = claimAttachment
      ? async () => {
          attachment ??= await claimAttachment();
          return admitOnly();
        }
      : admitOnly;
    for (let attempt = 0; ; attempt += 1) {
      let admission: Admission;
      try {
        admission = await (input.inOrder && attempt === 0 ? input.inOrder(admit) : admit());
      } catch (error) {
        // A retry of a message stored before the chat closed (or before the sender hit their
        // limit) still gets its original ack: it was stored, and the client must learn so.
        if (!(error instanceof AppError) || !REFUSALS_A_RETRY_SURVIVES.has(error.code)) throw error;
        const earlier = await findByClientId(conversationId, clientMessageId, input.author);
        if (earlier) return { message: toMessageView(earlier), duplicate: true, admission: null };
        throw error;
      }
      // A customer appears under the name they gave for this chat.
      const author =
        side === 'customer' && !input.author.displayName && admission.state.customerName
          ? { ...input.author, displayName: admission.state.customerName }
          : input.author;
      const record: MessageRecord = {
        _id: messageIdFor(conversationId, clientMessageId),
        conversationId,
        seq: admission.seq,
        clientMessageId,
        author,
        body: text,
        internal,
        masked,
        ...(input.system ? { system: input.system } : {}),
        ...(attachment ? { attachment } : {}),
        createdAt: new Date(),
      };
      try {
        await inserts.insert(record);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const earlier = await findByClientId(conversationId, clientMessageId, input.author);
        if (earlier) return { message: toMessageView(earlier), duplicate: true, admission };
        if (attempt >= SEQ_RETRIES) throw error;
        await liveState.healSeq(conversationId);
        continue;
      }
      const visible = !internal && (side === 'customer' || side === 'agent') ? side : null;
      // The first reply is written before its ack, not behind: whether a chat was answered decides
      // at once what its close offers (a rating, the link in the transcript). Once per chat.
      if (visible === 'agent' && !admission.state.answered) {
        await deps.conversations.recordFirstReply(conversationId, record.createdAt);
      }
      activity.record(conversationId, {
        seq: admission.seq,
        side: visible,
        at: record.createdAt,
        turnStarted: visible !== null && admission.state.turn !== visible,
      });
      return { message: toMessageView(record as MessageDocument), duplicate: false, admission };
    }
  }

  return {
    ...createMessageQueries(Message),
    /** The live conversation state the message path decides on; state changes publish to it. */
    liveState,

    store,

    /**
     * A system message (assigned, closed, nudges…), its text rendered in the
     * conversation's language; params let clients re-render it in theirs.
     * `clientMessageId` makes it idempotent where the caller may run twice.
     */
    storeSystem(
      conversation: { _id: Types.ObjectId; language: string },
      event: SystemEvent,
      params: Record<string, string> = {},
      options: SystemLineOptions = {},
    ): Promise<StoredMessage> {
      return store({
        conversationId: conversation._id,
        ...(options.evenIfClosed ? { allowClosed: true } : {}),
        ...(options.publish ? { publish: options.publish } : {}),
        author: systemAuthor(options.speaker),
        clientMessageId: options.clientMessageId ?? `sys-${randomUUID()}`,
        body: renderSystemMessage(event, params, resolveLocale(conversation.language)),
        system: { event, params },
      });
    },

    /**
     * The first line of a chat just created, under a seq its live state
     * reserved when it was primed (the conversation is stored with `lastSeq`
     * already counting it): no admission, so starting a chat costs no Redis
     * call more, and the insert shares the batched path with every message.
     */
    async storeOpening(
      conversation: { _id: Types.ObjectId; language: string },
      seq: number,
      event: SystemEvent,
      params: Record<string, string>,
    ): Promise<MessageView> {
      const record: MessageRecord = {
        _id: messageIdFor(conversation._id, `sys-opening-${seq}`),
        conversationId: conversation._id,
        seq,
        clientMessageId: `sys-opening-${seq}`,
        author: { kind: 'system' },
        body: renderSystemMessage(event, params, resolveLocale(conversation.language)),
        internal: false,
        masked: false,
        system: { event, params },
        createdAt: new Date(),
      };
      await inserts.insert(record);
      return toMessageView(record as MessageDocument);
    },

    /** Writes the conversations' summary fields recorded so far (graceful stop; tests reading documents). */
    flushActivity: () => activity.flushNow(),
    /** Waits for the inserts in flight (graceful stop). */
    settled: () => inserts.settled(),

    /** Messages after `afterSeq`, oldest first; customers never see internal notes. */
    async after(conversationId: Types.ObjectId, afterSeq: number, includeInternal: boolean): Promise<MessagePage> {
      const filter = { conversationId, seq: { $gt: afterSeq }, ...(includeInternal ? {} : { internal: false }) };
      const found = (await Message.find(filter)
        .sort({ seq: 1 })
        .limit(PAGE_LIMIT + 1)
        .lean()) as MessageDocument[];
      return {
        conversationId: conversationId.toHexString(),
        messages: found.slice(0, PAGE_LIMIT).map(toMessageView),
        hasMore: found.length > PAGE_LIMIT,
      };
    },

    /**
     * The messages carrying a file, newest first, however far back (the desk's Files list:
     * the pages a desk holds are only the latest messages).
     */
    async withFiles(conversationId: Types.ObjectId, limit: number, includeInternal: boolean): Promise<MessageView[]> {
      const filter = {
        conversationId,
        'attachment.id': { $exists: true },
        ...(includeInternal ? {} : { internal: false }),
      };
      const found = (await Message.find(filter).sort({ seq: -1 }).limit(limit).lean()) as MessageDocument[];
      return found.map(toMessageView);
    },

    /** The page of messages just before `beforeSeq` (or the newest), oldest first. */
    async before(
      conversationId: Types.ObjectId,
      beforeSeq: number | undefined,
      limit: number,
      includeInternal: boolean,
    ): Promise<MessagePage> {
      const filter = {
        conversationId,
        ...(beforeSeq === undefined ? {} : { seq: { $lt: beforeSeq } }),
        ...(includeInternal ? {} : { internal: false }),
      };
      const found = (await Message.find(filter)
        .sort({ seq: -1 })
        .limit(limit + 1)
        .lean()) as MessageDocument[];
      return {
        conversationId: conversationId.toHexString(),
        messages: found.slice(0, limit).reverse().map(toMessageView),
        hasMore: found.length > limit,
      };
    },
  };
}
