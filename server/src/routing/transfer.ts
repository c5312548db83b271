import { randomUUID } from 'node:crypto';
import {
  AppError,
  type ConversationReleased,
  type ConversationTransfer,
  type ConversationTransferred,
  type ConversationView,
  type ReleaseReason,
} from '@switchboard/shared';
import type { TeamAway } from '@switchboard/shared/i18n';
import { Types } from 'mongoose';
import type { AgentModel, AgentRecord } from '../agents/agent.model.js';
import { agentRoom, SUPERVISORS_ROOM, type AgentPrincipal } from '../auth/principal.js';
import type { Broadcaster } from '../conversations/broadcast.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationHooks } from '../conversations/conversation-hooks.js';
import { toConversationView } from '../conversations/conversation-view.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { customerNames, type DepartmentsService } from '../departments/departments.service.js';
import type { SocketServer } from '../infra/socket-server.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { Capacity } from './capacity.js';
import { queueKeyOf } from './queue-keys.js';
import type { RoutingState } from './routing-state.js';

export interface TransferDeps {
  agents: AgentModel;
  conversations: ConversationsService;
  messages: MessagesService;
  broadcast: Broadcaster;
  departments: DepartmentsService;
  capacity: Capacity;
  state: Pick<RoutingState, 'enqueue'>;
  sockets: SocketServer;
  /** A queue changed: route it and push positions. */
  queueChanged(key: string): void;
  /** An agent has a slot free again: route the queues they serve. */
  slotFreed(agentId: string): void;
  /** Why nobody of a team can answer now, or null: the customer's transfer line says so. */
  /** `without`: the agent handing the chat over (they count for nothing there). */
  teamAway(departmentId: Types.ObjectId, without?: string): Promise<TeamAway | null>;
  /** Told once a move is stored (webhooks); its failures are logged by the hooks, never the mover's. */
  hooks: Pick<ConversationHooks, 'emit'>;
}

const stillWith = (conversation: ConversationDocument, agentId: Types.ObjectId | null | undefined) =>
  conversation.status === 'active' && Boolean(agentId) && conversation.agentId?.equals(agentId ?? '') === true;

/** Puts a chat back in its queue's routing order (at the front: its priority is 1). */
const waitingEntry = (conversation: ConversationDocument) => ({
  id: conversation._id.toHexString(),
  language: conversation.language,
  queuedAt: conversation.queuedAt,
  priority: conversation.priority,
  avoidAgentId: conversation.avoidAgentId?.toHexString() ?? null,
});

/** Who moved a chat and why, for the note on the previous owner's desk. */
export interface MoveCause {
  reason: ReleaseReason;
  /** Absent: the system (the idle timer's requeue). */
  by?: Pick<AgentPrincipal, 'id' | 'displayName'>;
}

/**
 * Nothing is written unless the transfer happens; then the internal note
 * is stored (the receiving agent reads it with the history). A transfer to a department puts the chat back in that
 * queue at the front (priority 1, its original `queuedAt` kept); a transfer
 * to an agent takes one of their slots with the same claim as routing. The
 * customer sees a system message and keeps the whole conversation.
 */
export function createTransfers(deps: TransferDeps) {
  const { conversations, messages, broadcast } = deps;

  /**
   * The previous owner's desks (every tab, every process) drop the chat at
   * once and say why; then their load is counted again and their queues routed.
   */
  async function release(
    fromAgentId: Types.ObjectId,
    moved: ConversationDocument,
    cause: MoveCause,
    to: Pick<ConversationReleased, 'toAgentName' | 'toDepartmentName'>,
  ): Promise<void> {
    broadcast.releaseAgent(fromAgentId.toHexString(), {
      conversationId: moved._id.toHexString(),
      caseNumber: moved.caseNumber,
      reason: cause.reason,
      ...(cause.by ? { byName: cause.by.displayName, byAgentId: cause.by.id } : {}),
      ...to,
    });
    await deps.capacity.release(fromAgentId, moved._id);
    deps.slotFreed(fromAgentId.toHexString());
  }

  async function storeNote(conversation: ConversationDocument, by: AgentPrincipal, note: string | undefined) {
    if (!note) return;
    const { message } = await messages.store({
      conversationId: conversation._id,
      // The assigned agent, or a supervisor handing the chat on.
      writesAnywhere: true,
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
    cause: MoveCause,
  ): Promise<ConversationView> {
    const department = await deps.departments.get(departmentId);
    if (!department || department.archived) throw new AppError('NOT_FOUND', 'No such department.');
    const fromAgentId = conversation.agentId;
    const result = await conversations.mutate(conversation._id.toHexString(), (current) =>
      stillWith(current, fromAgentId)
        ? {
            status: 'queued',
            agentId: null,
            agentCard: null,
            departmentId: department._id,
            priority: 1,
            // Handed on to a team: someone else in it (its agents may still take it by hand).
            avoidAgentId: fromAgentId ?? null,
          }
        : null,
    );
    if (!result?.changed) throw new AppError('CONFLICT', 'This chat changed hands meanwhile; nothing was transferred.');
    const moved = result.conversation;
    await deps.state.enqueue(queueKeyOf(department._id), [waitingEntry(moved)]);
    await storeNote(moved, by, note);
    if (fromAgentId) await release(fromAgentId, moved, cause, { toDepartmentName: department.name });
    const away = await deps.teamAway(department._id, fromAgentId?.toHexString());
    const view = await announce(
      moved,
      // Each reader sees the team's name in their language (the customer's, the agents').
      { ...customerNames(department), ...(away ? { teamAway: away } : {}) },
      {
        conversationId: moved._id.toHexString(),
        ...(fromAgentId ? { fromAgentId: fromAgentId.toHexString() } : {}),
        toDepartmentId: departmentId,
        ...(note ? { note } : {}),
      },
    );
    deps.queueChanged(queueKeyOf(conversation.departmentId));
    deps.queueChanged(queueKeyOf(department._id));
    await deps.hooks.emit('transferred', moved, {
      reason: cause.reason,
      fromAgentId: fromAgentId?.toHexString() ?? null,
      to: { departmentId },
      ...(note ? { note } : {}),
    });
    return view;
  }

  async function toAgent(
    conversation: ConversationDocument,
    by: AgentPrincipal,
    agentId: string,
    note: string | undefined,
    cause: MoveCause,
  ): Promise<ConversationView> {
    const fromAgentId = conversation.agentId;
    if (fromAgentId?.equals(agentId)) throw new AppError('CONFLICT', 'This chat is already with that agent.');
    const target = await deps.agents.findById(agentId).lean<AgentRecord>();
    if (!target?.active) throw new AppError('NOT_FOUND', 'No such agent.');
    const id = conversation._id.toHexString();
    const result = await deps.capacity.claim(agentId, id, { need: 'online', queue: null }, async () => {
      const changed = await conversations.mutate(id, (current) =>
        stillWith(current, fromAgentId)
          ? {
              agentId: target._id,
              agentCard: { displayName: target.displayName, avatarUrl: target.avatarUrl ?? undefined },
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
    broadcast.joinAgent(agentId, id);
    await storeNote(moved, by, note);
    if (fromAgentId) await release(fromAgentId, moved, cause, { toAgentName: target.displayName });
    await deps.hooks.emit('transferred', moved, {
      reason: cause.reason,
      fromAgentId: fromAgentId?.toHexString() ?? null,
      to: { agentId },
      ...(note ? { note } : {}),
    });
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
     * Puts an active chat back at the front of its own queue (the automatic
     * requeue of a chat its agent left unanswered); the customer keeps their place.
     * Given the agent the caller saw, only a chat still with that agent moves: a
     * decision taken on a stale read never takes the chat from the next agent.
     */
    async requeue(
      conversation: Pick<ConversationDocument, '_id'> & { agentId?: Types.ObjectId | null },
      by?: MoveCause['by'],
    ): Promise<void> {
      const current = await conversations.load(conversation._id.toHexString());
      if (current?.status !== 'active') return;
      const fromAgentId = conversation.agentId ?? current.agentId;
      const result = await conversations.mutate(current._id.toHexString(), (latest) =>
        stillWith(latest, fromAgentId)
          ? // Another advisor, as the customer is told: never straight back to the one it left.
            { status: 'queued', agentId: null, agentCard: null, priority: 1, avoidAgentId: fromAgentId ?? null }
          : null,
      );
      if (!result?.changed) return;
      await deps.state.enqueue(queueKeyOf(current.departmentId), [waitingEntry(result.conversation)]);
      const { message } = await messages.storeSystem(result.conversation, 'conversation.requeued');
      broadcast.messageCreated(message);
      broadcast.conversationUpdated(toConversationView({ ...result.conversation, lastSeq: message.seq }));
      if (fromAgentId) {
        const department = current.departmentId ? await deps.departments.get(current.departmentId.toHexString()) : null;
        await release(
          fromAgentId,
          result.conversation,
          { reason: 'requeued', ...(by ? { by } : {}) },
          department ? { toDepartmentName: department.name } : {},
        );
      }
      deps.queueChanged(queueKeyOf(current.departmentId));
      await deps.hooks.emit('transferred', result.conversation, {
        reason: 'requeued',
        fromAgentId: fromAgentId?.toHexString() ?? null,
        to: { departmentId: current.departmentId?.toHexString() ?? null },
      });
    },

    /**
     * The assigned agent (or a supervisor) hands an active chat on; `reason`
     * is what the previous owner's desk is told (a supervisor's is a reassignment).
     */
    async transfer(
      by: AgentPrincipal,
      payload: ConversationTransfer,
      reason: ReleaseReason = 'transferred',
    ): Promise<ConversationView> {
      const conversation = await conversations.get(payload.conversationId, { kind: 'agent', agent: by }, 'write');
      if (conversation.status !== 'active') {
        throw new AppError('CONFLICT', 'Only a chat in progress can be transferred.');
      }
      const cause: MoveCause = { reason, by };
      return 'departmentId' in payload.to
        ? toDepartment(conversation, by, payload.to.departmentId, payload.note, cause)
        : toAgent(conversation, by, payload.to.agentId, payload.note, cause);
    },

    /**
     * A supervisor takes an active chat over from the console. Unlike a
     * transfer to an agent this is an override, not routing: the supervisor
     * need not be online (so taking over never makes them eligible for routed
     * chats) and their capacity does not refuse it. The chat still changes
     * hands only if it is still with the agent the supervisor saw (a write
     * conditional on the chat's revision); their load then counts it, so
     * routing gives them nothing more while they are full.
     */
    async takeOver(by: AgentPrincipal, conversationId: string): Promise<ConversationView> {
      const conversation = await conversations.get(conversationId, { kind: 'agent', agent: by }, 'write');
      if (conversation.status !== 'active') throw new AppError('CONFLICT', 'This chat is no longer in progress.');
      const fromAgentId = conversation.agentId;
      if (fromAgentId?.equals(by.id)) throw new AppError('CONFLICT', 'This chat is already yours.');
      const result = await conversations.mutate(conversationId, (current) =>
        stillWith(current, fromAgentId)
          ? {
              agentId: new Types.ObjectId(by.id),
              agentCard: { displayName: by.displayName, avatarUrl: by.avatarUrl },
            }
          : null,
      );
      if (!result?.changed)
        throw new AppError('CONFLICT', 'This chat changed hands meanwhile; nothing was taken over.');
      const moved = result.conversation;
      broadcast.joinAgent(by.id, conversationId);
      await deps.capacity.hold(by.id, conversationId);
      if (fromAgentId) await release(fromAgentId, moved, { reason: 'taken-over', by }, { toAgentName: by.displayName });
      await deps.hooks.emit('transferred', moved, {
        reason: 'taken-over',
        fromAgentId: fromAgentId?.toHexString() ?? null,
        to: { agentId: by.id },
      });
      return announce(
        moved,
        { agentName: by.displayName },
        {
          conversationId,
          ...(fromAgentId ? { fromAgentId: fromAgentId.toHexString() } : {}),
          toAgentId: by.id,
        },
        by.id,
      );
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
