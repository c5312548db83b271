import { requireAgent } from '../auth/principal.js';
import { requireCustomer } from '../customers/customer-auth.js';
import { defineHandlers } from '../infra/socket-handler.js';
import type { createOfflineMessages } from './offline-message.js';
import type { RoutingService } from './routing.service.js';

/** Routing events on `/agent`: take a chat, hand it on, see the queue. */
export function routingAgentHandlers(routing: RoutingService) {
  return defineHandlers('agent', {
    'conversation.pickup': ({ conversationId }, { socket }) => routing.pickup(requireAgent(socket), conversationId),
    'conversation.transfer': (payload, { socket }) => routing.transfer(requireAgent(socket), payload),
    'queue.list': (payload, { socket }) => routing.queueList(requireAgent(socket), payload),
  });
}

/** Routing events on `/customer`: where am I in the queue, leave a message instead. */
export function routingCustomerHandlers(
  routing: RoutingService,
  leaveMessage: ReturnType<typeof createOfflineMessages>,
) {
  return defineHandlers('customer', {
    'queue.status': ({ conversationId }, { socket }) => routing.status(requireCustomer(socket), conversationId),
    'conversation.leaveMessage': (payload, { socket }) => leaveMessage(socket, payload),
  });
}
