import { AppError, type ObservedConversation } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import type { AuditService } from '../audit/audit.service.js';
import type { AgentPrincipal } from '../auth/principal.js';
import { toAgentConversationViews } from '../conversations/agent-conversation-view.js';
import type { Broadcaster } from '../conversations/broadcast.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { rooms } from '../conversations/rooms.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { AgentSocket } from '../infra/namespaces.js';
import type { MessagesService } from '../messages/messages.service.js';

/** Messages an observer gets on opening a chat; older ones through `message.history`. */
const FIRST_PAGE = 50;
/** Participants are forgotten a day after the last join (a chat never lasts that long). */
const PARTICIPANTS_TTL_SECONDS = 86_400;

/**
 * Observing puts only the supervisor's socket into the chat's agents room:
 * it then receives what the assigned agent receives, and nothing is stored or
 * sent to the customer — no system message, no presence, no receipts. Joining
 * makes the supervisor a participant the customer is told about; who has
 * joined is a Redis set per chat, so a second join (another tab, another
 * process) announces nothing twice.
 */
export function createObserve(deps: {
  redis: Redis;
  prefix: string;
  conversations: Pick<ConversationsService, 'get'>;
  messages: Pick<MessagesService, 'before' | 'storeSystem'>;
  customers: Pick<CustomersService, 'contactsOf'>;
  broadcast: Pick<Broadcaster, 'messageCreated'>;
  audit: Pick<AuditService, 'record'>;
}) {
  const participantsKey = (conversationId: string) => `${deps.prefix}:supervision:joined:${conversationId}`;

  async function view(conversation: ConversationDocument, by: AgentPrincipal): Promise<ObservedConversation> {
    const id = conversation._id.toHexString();
    const [[agentView], page, joined] = await Promise.all([
      toAgentConversationViews(deps.customers, [conversation]),
      deps.messages.before(conversation._id, undefined, FIRST_PAGE, true),
      deps.redis.sismember(participantsKey(id), by.id),
    ]);
    if (!agentView) throw new AppError('NOT_FOUND', 'No such conversation.');
    return { conversation: agentView, page, joined: joined === 1 };
  }

  async function announce(
    conversation: ConversationDocument,
    by: AgentPrincipal,
    event: 'agent.joined' | 'agent.left',
  ) {
    const { message } = await deps.messages.storeSystem(conversation, event, { agentName: by.displayName });
    deps.broadcast.messageCreated(message);
    await deps.audit.record({
      actor: by,
      action: event === 'agent.joined' ? 'conversation.join' : 'conversation.leave',
      target: { kind: 'conversation', id: conversation._id.toHexString(), name: conversation.caseNumber },
      details: { caseNumber: conversation.caseNumber },
    });
  }

  const load = (by: AgentPrincipal, conversationId: string) =>
    deps.conversations.get(conversationId, { kind: 'agent', agent: by }, 'read');

  return {
    async observe(by: AgentPrincipal, socket: AgentSocket, conversationId: string): Promise<ObservedConversation> {
      const conversation = await load(by, conversationId);
      // The room first, then the page: a message stored in between arrives twice and is deduped by id, never lost.
      await socket.join(rooms.conversationAgents(conversationId));
      return view(conversation, by);
    },

    async unobserve(by: AgentPrincipal, socket: AgentSocket, conversationId: string): Promise<null> {
      const conversation = await load(by, conversationId);
      if ((await deps.redis.srem(participantsKey(conversationId), by.id)) === 1 && conversation.status !== 'closed') {
        await announce(conversation, by, 'agent.left');
      }
      // The assigned agent's own chats stay in their room (their desk shares it on other sockets).
      if (!conversation.agentId?.equals(by.id)) await socket.leave(rooms.conversationAgents(conversationId));
      return null;
    },

    async join(by: AgentPrincipal, socket: AgentSocket, conversationId: string): Promise<ObservedConversation> {
      const conversation = await load(by, conversationId);
      if (conversation.status === 'closed') throw new AppError('CONVERSATION_CLOSED', 'This conversation has ended.');
      await socket.join(rooms.conversationAgents(conversationId));
      const key = participantsKey(conversationId);
      const added = await deps.redis.sadd(key, by.id);
      await deps.redis.expire(key, PARTICIPANTS_TTL_SECONDS);
      if (added === 1) await announce(conversation, by, 'agent.joined');
      return view(conversation, by);
    },

    async leave(by: AgentPrincipal, conversationId: string): Promise<ObservedConversation> {
      const conversation = await load(by, conversationId);
      if ((await deps.redis.srem(participantsKey(conversationId), by.id)) === 1 && conversation.status !== 'closed') {
        await announce(conversation, by, 'agent.left');
      }
      return view(conversation, by);
    },
  };
}

export type Observe = ReturnType<typeof createObserve>;
