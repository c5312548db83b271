import type {
  ConversationReleased,
  ConversationView,
  MessageView,
  ReceiptUpdated,
  TypingUpdated,
} from '@switchboard/shared';
import type { SocketServer } from '../infra/socket-server.js';
import { rooms } from './rooms.js';

/**
 * Emits through the Redis adapter, so every server process delivers to its
 * own sockets in the rooms. Internal notes go to the agents room only.
 *
 * Joins and leaves are applied to this process's sockets at once, then sent
 * to the others: the Redis adapter alone applies them only when its own
 * request comes back over pub/sub, so an emit right after a join (the
 * assignment's `conversation.updated` after the agent joins the chat's
 * room) could reach the room before its new member and be lost to them.
 * Other processes receive the join before any later emit: both travel over
 * one publishing connection, in order.
 */
export function createBroadcaster(sockets: SocketServer) {
  const customers = (conversationId: string) =>
    sockets.namespace('customer').to(rooms.conversationCustomers(conversationId));
  const agents = (conversationId: string) => sockets.namespace('agent').to(rooms.conversationAgents(conversationId));
  /** The sockets in room `who` join room `room`: here now, elsewhere through the adapter. */
  const join = (namespace: 'customer' | 'agent', who: string, room: string) => {
    sockets.namespace(namespace).local.in(who).socketsJoin(room);
    sockets.namespace(namespace).in(who).socketsJoin(room);
  };
  const leave = (who: string, room: string) => {
    sockets.namespace('agent').local.in(who).socketsLeave(room);
    sockets.namespace('agent').in(who).socketsLeave(room);
  };

  return {
    messageCreated(message: MessageView) {
      agents(message.conversationId).emit('message.created', message);
      if (!message.internal) customers(message.conversationId).emit('message.created', message);
    },
    conversationUpdated(conversation: ConversationView) {
      agents(conversation.id).emit('conversation.updated', conversation);
      customers(conversation.id).emit('conversation.updated', conversation);
    },
    typing(update: TypingUpdated) {
      // To the other side only: the one typing knows.
      if (update.side === 'customer') agents(update.conversationId).emit('typing.updated', update);
      else customers(update.conversationId).emit('typing.updated', update);
    },
    receipt(update: ReceiptUpdated) {
      agents(update.conversationId).emit('receipt.updated', update);
      customers(update.conversationId).emit('receipt.updated', update);
    },
    /** Adds every socket of a customer (all tabs, all processes) to a conversation's room. */
    joinCustomer(customerId: string, conversationId: string) {
      join('customer', rooms.customer(customerId), rooms.conversationCustomers(conversationId));
    },
    joinAgent(agentId: string, conversationId: string) {
      join('agent', rooms.agent(agentId), rooms.conversationAgents(conversationId));
    },
    leaveAgent(agentId: string, conversationId: string) {
      leave(rooms.agent(agentId), rooms.conversationAgents(conversationId));
    },
    /**
     * A chat left the agent who held it: every socket of theirs (all tabs, all
     * processes) leaves its room and is told why, so no desk keeps offering a
     * composer for a chat it can no longer write to.
     */
    releaseAgent(agentId: string, released: ConversationReleased) {
      leave(rooms.agent(agentId), rooms.conversationAgents(released.conversationId));
      sockets.namespace('agent').to(rooms.agent(agentId)).emit('conversation.released', released);
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;
