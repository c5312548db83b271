import { AppError, type AgentView } from '@switchboard/shared';
import type { AgentSocket } from '../infra/namespaces.js';
import { requireAgent } from '../auth/principal.js';
import type { CustomersService } from '../customers/customers.service.js';
import { runInOrder } from '../infra/per-socket-queue.js';
import { defineHandlers } from '../infra/socket-handler.js';
import type { Viewer } from './access.js';
import { toAgentConversationViews } from './agent-conversation-view.js';
import type { ConversationActions } from './conversation-actions.js';
import type { ConversationsService } from './conversations.service.js';
import { rooms } from './rooms.js';

interface Deps {
  conversations: ConversationsService;
  actions: ConversationActions;
  /** For the desk's view of conversations (customer identity); see agent-conversation-view.ts. */
  customers: Pick<CustomersService, 'contactsOf'>;
}

const asAgent = (socket: AgentSocket): Viewer => ({ kind: 'agent', agent: requireAgent(socket) });

/** Conversation events on the `/agent` namespace (status and account events live in the agents feature). */
export function agentSocketHandlers({ conversations, actions, customers }: Deps) {
  return defineHandlers('agent', {
    // The desk learns of a new assignment from `conversation.updated` (customer-facing view) and asks for its own.
    'conversation.view': async ({ conversationId }, { socket }) => {
      const conversation = await conversations.get(conversationId, asAgent(socket), 'read');
      const [view] = await toAgentConversationViews(customers, [conversation]);
      // One view per conversation given: never missing.
      if (!view) throw new AppError('INTERNAL', 'The conversation has no view.');
      return view;
    },
    'conversation.close': async ({ conversationId, disposition }, { socket }) => {
      const agent = requireAgent(socket);
      const conversation = await conversations.get(conversationId, { kind: 'agent', agent }, 'write');
      return conversations.close(conversation, { kind: 'agent', id: agent.id }, disposition);
    },
    'conversation.sync': (payload, { socket }) => actions.sync(asAgent(socket), payload),
    'message.send': (payload, { socket, afterAck }) =>
      actions.send(asAgent(socket), payload, afterAck, (admit) => runInOrder(socket, 'message.send', admit)),
    'message.history': (payload, { socket }) => actions.history(asAgent(socket), payload),
    'typing.set': (payload, { socket }) => actions.typing(asAgent(socket), socket, payload),
    'receipt.update': (payload, { socket, afterAck }) => actions.receipt(asAgent(socket), payload, afterAck),
  });
}

/** On connect: join the rooms of the agent's active conversations and send the session snapshot. */
export function onAgentConnection({
  conversations,
  customers,
  agentView,
}: Pick<Deps, 'conversations' | 'customers'> & { agentView: (agentId: string) => Promise<AgentView | null> }) {
  return async (socket: AgentSocket): Promise<void> => {
    const principal = requireAgent(socket);
    const [agent, live] = await Promise.all([agentView(principal.id), conversations.liveForAgent(principal.id)]);
    if (!agent) return;
    await socket.join(live.map((conversation) => rooms.conversationAgents(conversation._id.toHexString())));
    socket.emit('session.ready', { agent, conversations: await toAgentConversationViews(customers, live) });
  };
}
