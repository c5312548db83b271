import {
  conversationRefSchema,
  conversationTransferSchema,
  leaveMessageSchema,
  queueListSchema,
} from '@switchboard/shared/schemas';
import { requireAgent } from '../auth/principal.js';
import { requireCustomer } from '../customers/customer-auth.js';
import type { SocketContext } from '../infra/feature.js';
import { defineHandler } from '../infra/socket-handler.js';
import type { createOfflineMessages } from './offline-message.js';
import type { RoutingService } from './routing.service.js';

/** Routing events on `/agent`: take a chat, hand it on, see the queue. */
export function routingAgentHandlers(routing: RoutingService) {
  return {
    'conversation.pickup': defineHandler(conversationRefSchema, ({ conversationId }, { socket }: SocketContext) =>
      routing.pickup(requireAgent(socket), conversationId),
    ),
    'conversation.transfer': defineHandler(conversationTransferSchema, (payload, { socket }: SocketContext) =>
      routing.transfer(requireAgent(socket), payload),
    ),
    'queue.list': defineHandler(queueListSchema, (payload, { socket }: SocketContext) =>
      routing.queueList(requireAgent(socket), payload),
    ),
  };
}

/** Routing events on `/customer`: where am I in the queue, leave a message instead. */
export function routingCustomerHandlers(
  routing: RoutingService,
  leaveMessage: ReturnType<typeof createOfflineMessages>,
) {
  return {
    'queue.status': defineHandler(conversationRefSchema, ({ conversationId }, { socket }: SocketContext) =>
      routing.status(requireCustomer(socket), conversationId),
    ),
    'conversation.leaveMessage': defineHandler(leaveMessageSchema, (payload, { socket }: SocketContext) =>
      leaveMessage(socket, payload),
    ),
  };
}
