import { AppError, type LeaveMessage, type MessageLeft } from '@switchboard/shared';
import type { MessagingServices } from '../conversations/messaging.feature.js';
import { bindCustomer, clientAddressOf, currentCustomer } from '../customers/customer-auth.js';
import type { CustomerSocket } from '../infra/namespaces.js';
import type { RateLimit } from '../infra/rate-limit.js';

/**
 * A customer who cannot chat now leaves a message and an email. It
 * becomes a queued conversation marked offline in the topic's queue, which
 * agents pick up from the queue (it is never auto-assigned: nobody is waiting
 * at the other end) and answer by email (see the feature's `offlineReply`).
 * Naming the customer's waiting chat closes it, so they are not in two queues,
 * and marks it superseded by the message, so its close emails nothing.
 */
export function createOfflineMessages(deps: {
  messaging: Pick<MessagingServices, 'customers' | 'prechat' | 'conversations' | 'messages' | 'broadcast' | 'hooks'>;
  limit: RateLimit;
}) {
  const { customers, prechat, conversations, messages, broadcast, hooks } = deps.messaging;

  return async function leaveMessage(socket: CustomerSocket, payload: LeaveMessage): Promise<MessageLeft> {
    await deps.limit.consume(clientAddressOf(socket));
    let principal = currentCustomer(socket);
    // Check the named chat before writing anything, so a refusal changes nothing (no
    // orphan visitor, no overwritten contact details). A visitor who is nobody yet has
    // no chats: the same NOT_FOUND as for someone else's id.
    if (payload.conversationId && !principal) throw new AppError('NOT_FOUND', 'No such conversation.');
    await prechat.check(principal, payload.prechat);
    const waiting =
      payload.conversationId && principal
        ? await conversations.get(payload.conversationId, { kind: 'customer', customer: principal }, 'write')
        : undefined;
    if (waiting?.status === 'active') {
      throw new AppError('CONFLICT', 'An advisor has just joined your chat.', {
        conversationId: payload.conversationId,
      });
    }
    let visitorToken: string | undefined;
    if (!principal) {
      const created = await customers.createAnonymous(payload.prechat);
      visitorToken = created.token;
      principal = { id: created.customer.id, verified: false };
      await bindCustomer(socket, principal);
    } else {
      await customers.rememberContact(principal.id, payload.prechat);
    }
    const { conversation } = await conversations.startOffline(principal, payload.prechat, payload.requestId);
    if (waiting?.status === 'queued' && !waiting.offline) {
      // The message is the customer's case from now on: the chat they gave up is closed
      // quietly (no transcript of it), so they get one case number and one email thread.
      // (Also if an advisor took it a moment ago: the customer has left it for the message.)
      await conversations.mutate(waiting._id.toHexString(), (current) =>
        current.status === 'closed' ? null : { supersededBy: conversation._id },
      );
      await conversations.close(waiting, { kind: 'customer', id: principal.id });
    }
    const stored = await messages.store({
      conversationId: conversation._id,
      author: {
        kind: 'customer',
        id: principal.id,
        ...(payload.prechat.name ? { displayName: payload.prechat.name } : {}),
      },
      // The request id doubles as the message's id: a retry stores nothing new.
      clientMessageId: payload.requestId,
      body: payload.body,
    });
    if (!stored.duplicate && stored.admission) {
      broadcast.messageCreated(stored.message);
      await hooks.emit('messageStored', { conversationId: conversation._id, ...stored.admission }, stored.message);
      await hooks.emit('offlineMessageLeft', conversation, stored.message);
    }
    broadcast.joinCustomer(principal.id, conversation._id.toHexString());
    return {
      conversationId: conversation._id.toHexString(),
      caseNumber: conversation.caseNumber,
      email: payload.prechat.email,
      ...(visitorToken ? { visitorToken } : {}),
    };
  };
}
