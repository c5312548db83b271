import { randomUUID } from 'node:crypto';
import {
  AppError,
  renderSystemMessage,
  resolveLocale,
  type MessageAuthor,
  type MessagePage,
  type MessageView,
  type SystemEvent,
} from '@switchboard/shared';
import type { Connection, Types } from 'mongoose';
import { conversationModels, type ConversationDocument } from '../conversations/conversation.model.js';
import { conversationLockKey } from '../conversations/conversation-lock.js';
import { isDuplicateKey } from '../infra/app-errors.js';
import type { DocumentLocks } from '../infra/document-lock.js';
import { maskSecrets } from './mask.js';
import { messageIdFor } from './message-id.js';
import { messageModel, type MessageDocument } from './message.model.js';
import { toMessageView } from './message-view.js';

/** Most messages one sync or history call returns; `hasMore` asks the client to call again. */
export const PAGE_LIMIT = 200;

export interface NewMessage {
  /**
   * The conversation, and if the caller has just read it, the fields the store
   * decides on: with `lastSeq` and `status` the store writes the next seq
   * conditionally on them (one command) instead of re-reading under the lock.
   */
  conversation: Pick<ConversationDocument, '_id'> &
    Partial<Pick<ConversationDocument, 'lastSeq' | 'status' | 'firstAgentReplyAt'>>;
  author: MessageAuthor;
  clientMessageId: string;
  body: string;
  internal?: boolean;
  system?: { event: SystemEvent; params: Record<string, string> };
  /** Store even into a closed conversation (its own closing note). */
  allowClosed?: boolean;
  /** The caller already looked for an earlier send with this clientMessageId ({@link findSent}). */
  notSentBefore?: boolean;
}

export interface StoredMessage {
  message: MessageView;
  /** An earlier send with the same clientMessageId: nothing was stored now. */
  duplicate: boolean;
}

export type MessagesService = ReturnType<typeof createMessagesService>;

export function createMessagesService(mongo: Connection, locks: DocumentLocks) {
  const Message = messageModel(mongo);
  const { Conversation } = conversationModels(mongo);

  const highestSeq = async (conversationId: Types.ObjectId) =>
    (await Message.findOne({ conversationId }).sort({ seq: -1 }).lean())?.seq ?? 0;

  /**
   * The earlier send of this author with this clientMessageId. The id is the
   * client's, so another participant's message under it (an agent's internal
   * note, say) is a clash to refuse, never an ack to hand out.
   */
  const findByClientId = async (
    conversationId: Types.ObjectId,
    clientMessageId: string,
    author: Pick<MessageAuthor, 'kind' | 'id'>,
    how: 'by-id' | 'by-fields' = 'by-id',
  ) => {
    // By the derived _id (message-id.ts); by the fields where that may miss: messages stored
    // before ids were derived, and a clash of derived ids.
    const found = (await (
      how === 'by-id'
        ? Message.findById(messageIdFor(conversationId, clientMessageId))
        : Message.findOne({ conversationId, clientMessageId })
    ).lean()) as MessageDocument | null;
    const earlier =
      found?.conversationId.equals(conversationId) && found.clientMessageId === clientMessageId ? found : null;
    if (earlier && (earlier.author?.kind !== author.kind || earlier.author.id !== author.id)) {
      throw new AppError('CONFLICT', 'This clientMessageId belongs to another message: send with a new one.', {
        field: 'clientMessageId',
      });
    }
    return earlier;
  };

  /** Conversation timestamps that reports and idle timers need, written with the seq. */
  function timestampsFor(
    author: MessageAuthor,
    internal: boolean,
    now: Date,
    conversation: { firstAgentReplyAt?: Date | null },
  ): Record<string, Date> {
    if (internal || author.kind === 'system') return {};
    if (author.kind === 'customer') return { lastCustomerMessageAt: now };
    return { lastAgentMessageAt: now, ...(conversation.firstAgentReplyAt ? {} : { firstAgentReplyAt: now }) };
  }

  type Known = Pick<ConversationDocument, 'lastSeq' | 'status' | 'firstAgentReplyAt'>;
  const knownState = (conversation: NewMessage['conversation']): Known | null =>
    typeof conversation.lastSeq === 'number' && typeof conversation.status === 'string'
      ? {
          lastSeq: conversation.lastSeq,
          status: conversation.status,
          firstAgentReplyAt: conversation.firstAgentReplyAt ?? null,
        }
      : null;

  return {
    model: Message,

    /**
     * An earlier send with this clientMessageId, if any. Callers may look it up
     * outside the lock, beside their own reads: the unique index on
     * `{conversationId, clientMessageId}` still catches a retry racing this one.
     */
    async findSent(
      conversationId: Types.ObjectId,
      clientMessageId: string,
      author: Pick<MessageAuthor, 'kind' | 'id'>,
    ): Promise<MessageView | null> {
      const earlier = await findByClientId(conversationId, clientMessageId, author);
      return earlier ? toMessageView(earlier) : null;
    },

    /**
     * The store step of the message path: duplicate check, mask, atomic seq,
     * insert. Resolves only once the message is durable, so the ack that
     * follows never promises what is not stored.
     */
    async store(input: NewMessage): Promise<StoredMessage> {
      const conversationId = input.conversation._id;
      const internal = input.internal ?? false;
      const { text, masked } =
        input.author.kind === 'system' ? { text: input.body, masked: false } : maskSecrets(input.body);
      const fields = {
        conversationId,
        clientMessageId: input.clientMessageId,
        author: input.author,
        body: text,
        internal,
        masked,
        ...(input.system ? { system: input.system } : {}),
      };
      // Under the conversation's lock the seq is simply lastSeq + 1: gap-free and
      // in insertion order, and the conversation update cannot clobber another write.
      return locks.run(conversationLockKey(conversationId.toHexString()), async () => {
        if (!input.notSentBefore) {
          const earlier = await findByClientId(conversationId, input.clientMessageId, input.author);
          if (earlier) return { message: toMessageView(earlier), duplicate: true };
        }
        // lastSeq moves first: if that write fails nothing is stored and the send is
        // retried; if the insert then fails, the seq is simply skipped (clients accept gaps).
        // The reverse order once left lastSeq behind a stored message, and every later send
        // collided on seq for ever.
        //
        // The write is conditional on the state the decision was made from (lastSeq and
        // status; every message moves lastSeq, every status change is one of ours under this
        // lock), so a caller's fresh read saves reading again here; when it no longer
        // matches, read and decide again. Only writers holding this lock change the document.
        const claimSeq = async (): Promise<number> => {
          let known = knownState(input.conversation);
          for (let attempt = 0; ; attempt += 1) {
            if (!known || attempt > 0) {
              const current = await Conversation.findById(conversationId).lean();
              if (!current) throw new AppError('NOT_FOUND', 'No such conversation.');
              known = knownState(current);
              if (!known) throw new AppError('INTERNAL', 'Conversation without a seq.');
            }
            if (known.status === 'closed' && !input.allowClosed) {
              throw new AppError('CONVERSATION_CLOSED', 'This conversation has ended.');
            }
            const next = known.lastSeq + 1;
            const timestamps = timestampsFor(input.author, internal, new Date(), known);
            const written = await Conversation.updateOne(
              { _id: conversationId, lastSeq: known.lastSeq, status: known.status },
              { $set: { lastSeq: next, ...timestamps } },
            );
            if (written.matchedCount === 1) return next;
            if (attempt >= 2) throw new AppError('STORE_UNAVAILABLE', 'The conversation kept changing; retry.');
          }
        };
        let seq = await claimSeq();
        let created;
        for (let attempt = 0; ; attempt += 1) {
          try {
            created = await Message.create({
              ...fields,
              _id: messageIdFor(conversationId, input.clientMessageId),
              seq,
            });
            break;
          } catch (error) {
            if (!isDuplicateKey(error)) throw error;
            // A duplicate send that won while the lock was lost (or was not looked for) gets the original's ack…
            const winner = await findByClientId(conversationId, input.clientMessageId, input.author, 'by-fields');
            if (winner) return { message: toMessageView(winner), duplicate: true };
            // …otherwise the seq was taken: lastSeq lagged behind the stored messages. Heal from the truth.
            if (attempt >= 2) throw error;
            seq = (await highestSeq(conversationId)) + 1;
            await Conversation.updateOne({ _id: conversationId }, { $set: { lastSeq: seq } });
          }
        }
        return { message: toMessageView(created.toObject()), duplicate: false };
      });
    },

    /**
     * A system message (assigned, closed, nudges…), its text rendered in the
     * conversation's language; params let clients re-render it in theirs.
     * `clientMessageId` makes it idempotent where the caller may run twice.
     */
    storeSystem(
      conversation: NewMessage['conversation'] & { language: string },
      event: SystemEvent,
      params: Record<string, string> = {},
      options: { clientMessageId?: string; evenIfClosed?: boolean } = {},
    ): Promise<StoredMessage> {
      return this.store({
        conversation,
        ...(options.evenIfClosed ? { allowClosed: true } : {}),
        author: { kind: 'system' },
        clientMessageId: options.clientMessageId ?? `sys-${randomUUID()}`,
        // A fresh random id has no earlier send to find; the unique index still guards it.
        notSentBefore: options.clientMessageId === undefined,
        body: renderSystemMessage(event, params, resolveLocale(conversation.language)),
        system: { event, params },
      });
    },

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
