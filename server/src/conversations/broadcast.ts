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
 */
export function createBroadcaster(sockets: SocketServer) {
  const customers = (conversationId: string) =>
    sockets.namespace('customer').to(rooms.conversationCustomers(conversationId));
  const agents = (conversationId: string) => sockets.namespace('agent').to(rooms.conversationAgents(conversationId));

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
      const to = update.side === 'customer' ? agents : customers;
      to(update.conversationId).emit('typing.updated', update);
    },
    receipt(update: ReceiptUpdated) {
      agents(update.conversationId).emit('receipt.updated', update);
      customers(update.conversationId).emit('receipt.updated', update);
    },
    /** Adds every socket of a customer (all tabs, all processes) to a conversation's room. */
    joinCustomer(customerId: string, conversationId: string) {
      sockets
        .namespace('customer')
        .in(rooms.customer(customerId))
        .socketsJoin(rooms.conversationCustomers(conversationId));
    },
    joinAgent(agentId: string, conversationId: string) {
      sockets.namespace('agent').in(rooms.agent(agentId)).socketsJoin(rooms.conversationAgents(conversationId));
    },
    leaveAgent(agentId: string, conversationId: string) {
      sockets.namespace('agent').in(rooms.agent(agentId)).socketsLeave(rooms.conversationAgents(conversationId));
    },
    /**
     * A chat left the agent who held it: every socket of theirs (all tabs, all
     * processes) leaves its room and is told why, so no desk keeps offering a
     * composer for a chat it can no longer write to.
     */
    releaseAgent(agentId: string, released: ConversationReleased) {
      const agent = sockets.namespace('agent').in(rooms.agent(agentId));
      agent.socketsLeave(rooms.conversationAgents(released.conversationId));
      sockets.namespace('agent').to(rooms.agent(agentId)).emit('conversation.released', released);
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;
