import type { AgentView } from '@switchboard/shared';
import {
  agentConversationCloseSchema,
  conversationRefSchema,
  conversationSyncSchema,
  messageHistorySchema,
  messageSendSchema,
  receiptUpdateSchema,
  typingSetSchema,
} from '@switchboard/shared/schemas';
import type { Socket } from 'socket.io';
import { requireAgent } from '../auth/principal.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { SocketContext } from '../infra/feature.js';
import { runInOrder } from '../infra/per-socket-queue.js';
import { defineHandler } from '../infra/socket-handler.js';
import type { Viewer } from './access.js';
import { toAgentConversationViews } from './agent-conversation-view.js';
import type { ConversationActions } from './conversation-actions.js';
import type { ConversationsService } from './conversations.service.js';
import { rooms } from './rooms.js';

interface Deps {
  conversations: ConversationsService;
  actions: ConversationActions;
  /** For the desk's view of conversations (customer identity); see agent-conversation-view.ts. */
  customers: Pick<CustomersService, 'models'>;
}

const asAgent = (socket: Socket): Viewer => ({ kind: 'agent', agent: requireAgent(socket) });

/** Conversation events on the `/agent` namespace (status and account events live in the agents feature). */
export function agentSocketHandlers({ conversations, actions, customers }: Deps) {
  return {
    // The desk learns of a new assignment from `conversation.updated` (customer-facing view) and asks for its own.
    'conversation.view': defineHandler(conversationRefSchema, async ({ conversationId }, { socket }: SocketContext) => {
      const conversation = await conversations.get(conversationId, asAgent(socket), 'read');
      const [view] = await toAgentConversationViews(customers, [conversation]);
      return view;
    }),
    'conversation.close': defineHandler(
      agentConversationCloseSchema,
      async ({ conversationId, disposition }, { socket }: SocketContext) => {
        const agent = requireAgent(socket);
        const conversation = await conversations.get(conversationId, { kind: 'agent', agent }, 'write');
        return conversations.close(conversation, { kind: 'agent', id: agent.id }, disposition);
      },
    ),
    'conversation.sync': defineHandler(conversationSyncSchema, (payload, { socket }: SocketContext) =>
      actions.sync(asAgent(socket), payload),
    ),
    'message.send': defineHandler(messageSendSchema, (payload, { socket, afterAck }: SocketContext) =>
      actions.send(asAgent(socket), payload, afterAck, (admit) => runInOrder(socket, 'message.send', admit)),
    ),
    'message.history': defineHandler(messageHistorySchema, (payload, { socket }: SocketContext) =>
      actions.history(asAgent(socket), payload),
    ),
    'typing.set': defineHandler(typingSetSchema, (payload, { socket }: SocketContext) =>
      actions.typing(asAgent(socket), socket, payload),
    ),
    'receipt.update': defineHandler(receiptUpdateSchema, (payload, { socket, afterAck }: SocketContext) =>
      actions.receipt(asAgent(socket), payload, afterAck),
    ),
  };
}

/** On connect: join the rooms of the agent's active conversations and send the session snapshot. */
export function onAgentConnection({
  conversations,
  customers,
  agentView,
}: Pick<Deps, 'conversations' | 'customers'> & { agentView: (agentId: string) => Promise<AgentView | null> }) {
  return async (socket: Socket): Promise<void> => {
    const principal = requireAgent(socket);
    const [agent, live] = await Promise.all([agentView(principal.id), conversations.liveForAgent(principal.id)]);
    if (!agent) return;
    await socket.join(live.map((conversation) => rooms.conversationAgents(conversation._id.toHexString())));
    socket.emit('session.ready', { agent, conversations: await toAgentConversationViews(customers, live) });
  };
}
