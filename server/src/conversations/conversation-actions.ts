import {
  AppError,
  TYPING_TTL_MS,
  type ConversationSync,
  type ConversationSynced,
  type MessageHistory,
  type MessagePage,
  type MessageSend,
  type MessageSent,
  type ReceiptUpdate,
  type ReceiptUpdated,
  type TypingSet,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import type { Socket } from 'socket.io';
import type { RateLimit } from '../infra/rate-limit.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { Viewer } from './access.js';
import type { Broadcaster } from './broadcast.js';
import type { ConversationHooks } from './conversation-hooks.js';
import type { ConversationsService } from './conversations.service.js';
import { toConversationView } from './conversation-view.js';
import { advanceReceipts } from './receipts.js';
import { rooms } from './rooms.js';

/**
 * The conversation events customers and agents share, written once against a
 * {@link Viewer}; the namespace handlers only say who the viewer is.
 */
export function createConversationActions(deps: {
  conversations: ConversationsService;
  messages: MessagesService;
  broadcast: Broadcaster;
  hooks: ConversationHooks;
  messageLimits: { customer: RateLimit; agent: RateLimit };
  typingLimit: RateLimit;
}) {
  const side = (viewer: Viewer) => viewer.kind;
  const seesInternal = (viewer: Viewer) => viewer.kind === 'agent';
  const room = (viewer: Viewer, conversationId: string) =>
    viewer.kind === 'customer' ? rooms.conversationCustomers(conversationId) : rooms.conversationAgents(conversationId);

  return {
    /** validate (done) → authorize → rate limit → mask + store → ack → broadcast. */
    async send(
      viewer: Viewer,
      payload: MessageSend,
      afterAck: (task: () => Promise<void>) => void,
    ): Promise<MessageSent> {
      if (payload.internal && viewer.kind !== 'agent')
        throw new AppError('FORBIDDEN', 'Only agents write internal notes.');
      const actorId = viewer.kind === 'customer' ? viewer.customer.id : viewer.agent.id;
      // The reads and the rate limit do not depend on each other: overlap them. Their
      // errors still come in this order (the conversation first, so ids cannot be probed
      // through the rate limit), and a retried send is only revealed once authorized.
      const [found, limited, earlier] = await Promise.allSettled([
        deps.conversations.get(payload.conversationId, viewer, 'write'),
        deps.messageLimits[viewer.kind].consume(actorId),
        deps.messages.findSent(new Types.ObjectId(payload.conversationId), payload.clientMessageId, {
          kind: viewer.kind,
          id: actorId,
        }),
      ]);
      if (found.status === 'rejected') throw found.reason;
      if (limited.status === 'rejected') throw limited.reason;
      if (earlier.status === 'rejected') throw earlier.reason;
      const conversation = found.value;
      if (earlier.value) return { message: earlier.value, duplicate: true };
      const author =
        viewer.kind === 'customer'
          ? {
              kind: 'customer' as const,
              id: actorId,
              ...(conversation.prechat?.name ? { displayName: conversation.prechat.name } : {}),
            }
          : {
              kind: 'agent' as const,
              id: actorId,
              displayName: viewer.agent.displayName,
              ...(viewer.agent.avatarUrl ? { avatarUrl: viewer.agent.avatarUrl } : {}),
            };
      const stored = await deps.messages.store({
        conversation,
        author,
        clientMessageId: payload.clientMessageId,
        body: payload.body,
        internal: payload.internal ?? false,
        notSentBefore: true,
      });
      if (!stored.duplicate) {
        afterAck(async () => {
          deps.broadcast.messageCreated(stored.message);
          await deps.hooks.emit('messageStored', conversation, stored.message);
        });
      }
      return stored;
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
    async typing(viewer: Viewer, socket: Socket, payload: TypingSet): Promise<null> {
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
      const conversation = await deps.conversations.get(payload.conversationId, viewer, 'read');
      const updated = await advanceReceipts(deps.conversations, conversation, side(viewer), payload);
      afterAck(() => deps.broadcast.receipt(updated));
      return updated;
    },
  };
}

export type ConversationActions = ReturnType<typeof createConversationActions>;
