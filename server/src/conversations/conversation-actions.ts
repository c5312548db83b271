import {
  AppError,
  TYPING_TTL_MS,
  type ConversationSync,
  type ConversationSynced,
  type MessageAuthor,
  type MessageHistory,
  type MessagePage,
  type MessageSend,
  type MessageSent,
  type ReceiptUpdate,
  type ReceiptUpdated,
  type TypingSet,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import type { AttachmentClaims } from '../attachments/attachment-claims.js';
import type { AnySocket } from '../infra/namespaces.js';
import type { RateLimit } from '../infra/rate-limit.js';
import { messageIdFor } from '../messages/message-id.js';
import type { MessagesService } from '../messages/messages.service.js';
import { isSupervisorRole } from '../auth/principal.js';
import { authorizeReceipt, type Viewer } from './access.js';
import type { Broadcaster } from './broadcast.js';
import type { ConversationHooks } from './conversation-hooks.js';
import type { ConversationsService } from './conversations.service.js';
import { toConversationView } from './conversation-view.js';
import { advanceReceipts } from './receipts.js';
import { rooms } from './rooms.js';

export interface MessageLimit {
  keyPrefix: string;
  points: number;
  windowMs: number;
}

/**
 * The conversation events customers and agents share, written once against a
 * {@link Viewer}; the namespace handlers only say who the viewer is.
 */
export function createConversationActions(deps: {
  conversations: ConversationsService;
  messages: MessagesService;
  broadcast: Broadcaster;
  hooks: ConversationHooks;
  /** Files named by a send are claimed for its message (only sends that carry one). */
  attachments: AttachmentClaims;
  /** Messages per window per sender, counted in Redis by the store's admission (`rl:msg:<side>:<id>`). */
  messageLimits: Record<'customer' | 'agent', MessageLimit>;
  typingLimit: RateLimit;
}) {
  const side = (viewer: Viewer) => viewer.kind;
  const seesInternal = (viewer: Viewer) => viewer.kind === 'agent';
  const room = (viewer: Viewer, conversationId: string) =>
    viewer.kind === 'customer' ? rooms.conversationCustomers(conversationId) : rooms.conversationAgents(conversationId);

  return {
    /**
     * validate (done) → authorize + rate limit + seq (one Redis script) → mask + store → ack → broadcast.
     * `inOrder` runs the admission behind the same socket's earlier sends, so two messages
     * typed one after the other get their seqs (and are shown) in that order; the inserts
     * that follow overlap.
     */
    async send(
      viewer: Viewer,
      payload: MessageSend,
      afterAck: (task: () => Promise<void>) => void,
      inOrder?: <T>(admit: () => Promise<T>) => Promise<T>,
    ): Promise<MessageSent> {
      if (payload.internal && viewer.kind !== 'agent')
        throw new AppError('FORBIDDEN', 'Only agents write internal notes.');
      const conversationId = new Types.ObjectId(payload.conversationId);
      const author: MessageAuthor =
        viewer.kind === 'customer'
          ? { kind: 'customer', id: viewer.customer.id }
          : {
              kind: 'agent',
              id: viewer.agent.id,
              displayName: viewer.agent.displayName,
              ...(viewer.agent.avatarUrl ? { avatarUrl: viewer.agent.avatarUrl } : {}),
            };
      const limit = deps.messageLimits[viewer.kind];
      const internal = payload.internal ?? false;
      const { attachmentId } = payload;
      // Only a send carrying a file pays this write; plain text goes straight to the store.
      const messageId = attachmentId ? messageIdFor(conversationId, payload.clientMessageId) : null;
      const claimAttachment =
        attachmentId && messageId
          ? () => deps.attachments.claim({ attachmentId, conversationId, author, messageId, internal })
          : undefined;
      const store = () =>
        deps.messages.store({
          conversationId,
          author,
          clientMessageId: payload.clientMessageId,
          body: payload.body,
          internal,
          writesAnywhere: viewer.kind === 'agent' && isSupervisorRole(viewer.agent.role),
          rate: { key: `${limit.keyPrefix}:${author.id ?? ''}`, points: limit.points, windowMs: limit.windowMs },
          ...(inOrder ? { inOrder } : {}),
          ...(claimAttachment ? { claimAttachment } : {}),
        });
      const stored =
        attachmentId && messageId
          ? await store().catch(async (error: unknown) => {
              // Not stored: the file may go with another message (a retry reuses the same id anyway).
              await deps.attachments.release(attachmentId, messageId).catch(() => undefined);
              throw error;
            })
          : await store();
      const { admission } = stored;
      if (!stored.duplicate && admission) {
        afterAck(async () => {
          deps.broadcast.messageCreated(stored.message);
          await deps.hooks.emit('messageStored', { conversationId, ...admission }, stored.message);
        });
      }
      return { message: stored.message, duplicate: stored.duplicate };
    },

    /** Catch-up: everything after each cursor, and the conversations as they are now. */
    async sync(viewer: Viewer, payload: ConversationSync): Promise<ConversationSynced> {
      const found = await Promise.all(
        payload.cursors.map((cursor) => deps.conversations.get(cursor.conversationId, viewer, 'read')),
      );
      const pages = await Promise.all(
        found.map((conversation, index) =>
          deps.messages.after(conversation._id, payload.cursors[index]?.afterSeq ?? 0, seesInternal(viewer)),
        ),
      );
      return { conversations: found.map(toConversationView), pages };
    },

    async history(viewer: Viewer, payload: MessageHistory): Promise<MessagePage> {
      const conversation = await deps.conversations.get(payload.conversationId, viewer, 'read');
      return deps.messages.before(conversation._id, payload.beforeSeq, payload.limit ?? 50, seesInternal(viewer));
    },

    /**
     * Typing is ephemeral and frequent: authorized by room membership (a
     * socket is only in the rooms of conversations it may see) instead of a
     * database read, and rate-limited per socket.
     */
    async typing(viewer: Viewer, socket: Pick<AnySocket, 'id' | 'rooms'>, payload: TypingSet): Promise<null> {
      if (!socket.rooms.has(room(viewer, payload.conversationId))) {
        throw new AppError(viewer.kind === 'customer' ? 'NOT_FOUND' : 'FORBIDDEN', 'Not in this conversation.');
      }
      await deps.typingLimit.consume(socket.id);
      deps.broadcast.typing({
        conversationId: payload.conversationId,
        side: side(viewer),
        ...(viewer.kind === 'agent' ? { displayName: viewer.agent.displayName } : {}),
        typing: payload.typing,
        ttlMs: TYPING_TTL_MS,
      });
      return null;
    },

    async receipt(
      viewer: Viewer,
      payload: ReceiptUpdate,
      afterAck: (task: () => void) => void,
    ): Promise<ReceiptUpdated> {
      // Receipts need a participant (the customer, the assigned agent), not read access.
      const conversation = authorizeReceipt(await deps.conversations.load(payload.conversationId), viewer);
      const updated = await advanceReceipts(
        { conversations: deps.conversations, liveState: deps.messages.liveState },
        conversation,
        side(viewer),
        payload,
      );
      afterAck(() => deps.broadcast.receipt(updated));
      return updated;
    },
  };
}

export type ConversationActions = ReturnType<typeof createConversationActions>;
