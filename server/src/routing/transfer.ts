import { randomUUID } from 'node:crypto';
import {
  AppError,
  type ConversationTransfer,
  type ConversationTransferred,
  type ConversationView,
} from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { AgentModel, AgentRecord } from '../agents/agent.model.js';
import { agentRoom, SUPERVISORS_ROOM, type AgentPrincipal } from '../auth/principal.js';
import type { Broadcaster } from '../conversations/broadcast.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import { toConversationView } from '../conversations/conversation-view.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { SocketServer } from '../infra/socket-server.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { Capacity } from './capacity.js';
import { queueKeyOf } from './queue-keys.js';

export interface TransferDeps {
  agents: AgentModel;
  conversations: ConversationsService;
  messages: MessagesService;
  broadcast: Broadcaster;
  departments: DepartmentsService;
  capacity: Capacity;
  sockets: SocketServer;
  /** A queue changed: route it and push positions. */
  queueChanged(key: string): void;
  /** An agent has a slot free again: route the queues they serve. */
  slotFreed(agentId: string): void;
}

const stillWith = (conversation: ConversationDocument, agentId: Types.ObjectId | null | undefined) =>
  conversation.status === 'active' && Boolean(agentId) && conversation.agentId?.equals(agentId ?? '') === true;

/**
 * R4. Nothing is written unless the transfer happens; then the internal note
 * is stored (the receiving agent reads it with the history). A transfer to a department puts the chat back in that
 * queue at the front (priority 1, its original `queuedAt` kept); a transfer
 * to an agent takes one of their slots with the same claim as routing. The
 * customer sees a system message and keeps the whole conversation.
 */
export function createTransfers(deps: TransferDeps) {
  const { conversations, messages, broadcast } = deps;

  async function storeNote(conversation: ConversationDocument, by: AgentPrincipal, note: string | undefined) {
    if (!note) return;
    const { message } = await messages.store({
      conversation,
      author: {
        kind: 'agent',
        id: by.id,
        displayName: by.displayName,
        ...(by.avatarUrl ? { avatarUrl: by.avatarUrl } : {}),
      },
      clientMessageId: `transfer-${randomUUID()}`,
      body: note,
      internal: true,
    });
    broadcast.messageCreated(message);
  }

  async function announce(
    conversation: ConversationDocument,
    params: Record<string, string>,
    event: ConversationTransferred,
    toAgentId?: string,
  ): Promise<ConversationView> {
    const { message } = await messages.storeSystem(conversation, 'conversation.transferred', params);
    broadcast.messageCreated(message);
    const view = toConversationView({ ...conversation, lastSeq: message.seq });
    broadcast.conversationUpdated(view);
    const agentsNs = deps.sockets.namespace('agent');
    (toAgentId ? agentsNs.to(SUPERVISORS_ROOM).to(agentRoom(toAgentId)) : agentsNs.to(SUPERVISORS_ROOM)).emit(
      'conversation.transferred',
      event,
    );
    return view;
  }

  async function toDepartment(
    conversation: ConversationDocument,
    by: AgentPrincipal,
    departmentId: string,
    note: string | undefined,
  ): Promise<ConversationView> {
    const department = await deps.departments.get(departmentId);
    if (!department || department.archived) throw new AppError('NOT_FOUND', 'No such department.');
    const fromAgentId = conversation.agentId;
    const result = await conversations.mutate(conversation._id.toHexString(), (current) =>
      stillWith(current, fromAgentId)
        ? { status: 'queued', agentId: null, agentCard: null, departmentId: department._id, priority: 1 }
        : null,
    );
    if (!result?.changed) throw new AppError('CONFLICT', 'This chat changed hands meanwhile; nothing was transferred.');
    const moved = result.conversation;
    await storeNote(moved, by, note);
    if (fromAgentId) {
      broadcast.leaveAgent(fromAgentId.toHexString(), moved._id.toHexString());
      await deps.capacity.recount(fromAgentId);
      deps.slotFreed(fromAgentId.toHexString());
    }
    const view = await announce(
      moved,
      { department: department.name },
      {
        conversationId: moved._id.toHexString(),
        ...(fromAgentId ? { fromAgentId: fromAgentId.toHexString() } : {}),
        toDepartmentId: departmentId,
        ...(note ? { note } : {}),
      },
    );
    deps.queueChanged(queueKeyOf(conversation.departmentId));
    deps.queueChanged(queueKeyOf(department._id));
    return view;
  }

  async function toAgent(
    conversation: ConversationDocument,
    by: AgentPrincipal,
    agentId: string,
    note: string | undefined,
  ): Promise<ConversationView> {
    const fromAgentId = conversation.agentId;
    if (fromAgentId?.equals(agentId)) throw new AppError('CONFLICT', 'This chat is already with that agent.');
    const target = await deps.agents.findById(agentId).lean<AgentRecord>();
    if (!target?.active) throw new AppError('NOT_FOUND', 'No such agent.');
    const result = await deps.capacity.claim(agentId, { requireOnline: true }, async (agent) => {
      const changed = await conversations.mutate(conversation._id.toHexString(), (current) =>
        stillWith(current, fromAgentId)
          ? {
              agentId: agent._id,
              agentCard: { displayName: agent.displayName, avatarUrl: agent.avatarUrl ?? undefined },
            }
          : null,
      );
      if (!changed?.changed) throw new AppError('CONFLICT', 'This chat changed hands meanwhile.');
      return changed.conversation;
    });
    if (result.outcome === 'agent-unavailable') throw new AppError('CONFLICT', `${target.displayName} is not online.`);
    if (result.outcome === 'agent-full') throw new AppError('CONFLICT', `${target.displayName} has no free slot.`);
    if (!result.conversation)
      throw new AppError('CONFLICT', 'This chat changed hands meanwhile; nothing was transferred.');
    const moved = result.conversation;
    const id = moved._id.toHexString();
    broadcast.joinAgent(agentId, id);
    await storeNote(moved, by, note);
    if (fromAgentId) {
      broadcast.leaveAgent(fromAgentId.toHexString(), id);
      await deps.capacity.recount(fromAgentId);
      deps.slotFreed(fromAgentId.toHexString());
    }
    return announce(
      moved,
      { agentName: target.displayName },
      {
        conversationId: id,
        ...(fromAgentId ? { fromAgentId: fromAgentId.toHexString() } : {}),
        toAgentId: agentId,
        ...(note ? { note } : {}),
      },
      agentId,
    );
  }

  return {
    /**
     * Puts an active chat back at the front of its own queue (J2's automatic
     * requeue of a chat its agent left unanswered); the customer keeps their place.
     * Given the agent the caller saw, only a chat still with that agent moves: a
     * decision taken on a stale read never takes the chat from the next agent.
     */
    async requeue(
      conversation: Pick<ConversationDocument, '_id'> & { agentId?: Types.ObjectId | null },
    ): Promise<void> {
      const current = await conversations.load(conversation._id.toHexString());
      if (current?.status !== 'active') return;
      const fromAgentId = conversation.agentId ?? current.agentId;
      const result = await conversations.mutate(current._id.toHexString(), (latest) =>
        stillWith(latest, fromAgentId) ? { status: 'queued', agentId: null, agentCard: null, priority: 1 } : null,
      );
      if (!result?.changed) return;
      const { message } = await messages.storeSystem(result.conversation, 'conversation.requeued');
      broadcast.messageCreated(message);
      broadcast.conversationUpdated(toConversationView({ ...result.conversation, lastSeq: message.seq }));
      if (fromAgentId) {
        broadcast.leaveAgent(fromAgentId.toHexString(), current._id.toHexString());
        await deps.capacity.recount(fromAgentId);
        deps.slotFreed(fromAgentId.toHexString());
      }
      deps.queueChanged(queueKeyOf(current.departmentId));
    },

    /** The assigned agent (or a supervisor) hands an active chat on. */
    async transfer(by: AgentPrincipal, payload: ConversationTransfer): Promise<ConversationView> {
      const conversation = await conversations.get(payload.conversationId, { kind: 'agent', agent: by }, 'write');
      if (conversation.status !== 'active') {
        throw new AppError('CONFLICT', 'Only a chat in progress can be transferred.');
      }
      return 'departmentId' in payload.to
        ? toDepartment(conversation, by, payload.to.departmentId, payload.note)
        : toAgent(conversation, by, payload.to.agentId, payload.note);
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
