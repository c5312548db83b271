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
import type { AgentsService } from '../agents/agents.service.js';
import { agentRoom, SUPERVISORS_ROOM, type AgentPrincipal } from '../auth/principal.js';
import type { Broadcaster } from '../conversations/broadcast.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationHooks } from '../conversations/conversation-hooks.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { customerNames, type DepartmentsService } from '../departments/departments.service.js';
import type { SocketServer } from '../infra/socket-server.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { Capacity } from './capacity.js';
import { queueKeyOf } from './queue-keys.js';
import type { RoutingState } from './routing-state.js';

export interface TransferDeps {
  agents: Pick<AgentsService, 'getById'>;
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

  /**
   * A transfer told (the customer's line and the view through changeState):
   * supervisors, and the agent it went to, get its details.
   */
  function tellTransferred(event: ConversationTransferred, toAgentId?: string): void {
    const agentsNs = deps.sockets.namespace('agent');
    (toAgentId ? agentsNs.to(SUPERVISORS_ROOM).to(agentRoom(toAgentId)) : agentsNs.to(SUPERVISORS_ROOM)).emit(
      'conversation.transferred',
      event,
    );
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
    const done = await conversations.changeState({
      // Handed on to a team: someone else in it (its agents may still take it by hand).
      write: () => conversations.requeueFrom(conversation._id.toHexString(), fromAgentId, department._id),
      prepare: async (moved) => {
        await deps.state.enqueue(queueKeyOf(department._id), [waitingEntry(moved)]);
        await storeNote(moved, by, note);
        if (fromAgentId) await release(fromAgentId, moved, cause, { toDepartmentName: department.name });
      },
      line: async () => {
        const away = await deps.teamAway(department._id, fromAgentId?.toHexString());
        // Each reader sees the team's name in their language (the customer's, the agents').
        const params = { ...customerNames(department), ...(away ? { teamAway: away } : {}) };
        return { event: 'conversation.transferred', params };
      },
    });
    if (!done) throw new AppError('CONFLICT', 'This chat changed hands meanwhile; nothing was transferred.');
    const moved = done.conversation;
    tellTransferred({
      conversationId: moved._id.toHexString(),
      ...(fromAgentId ? { fromAgentId: fromAgentId.toHexString() } : {}),
      toDepartmentId: departmentId,
      ...(note ? { note } : {}),
    });
    deps.queueChanged(queueKeyOf(conversation.departmentId));
    deps.queueChanged(queueKeyOf(department._id));
    await deps.hooks.emit('transferred', moved, {
      reason: cause.reason,
      fromAgentId: fromAgentId?.toHexString() ?? null,
      to: { departmentId },
      ...(note ? { note } : {}),
    });
    return done.view;
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
    const target = await deps.agents.getById(agentId);
    if (!target?.active) throw new AppError('NOT_FOUND', 'No such agent.');
    const id = conversation._id.toHexString();
    const done = await conversations.changeState({
      write: async () => {
        const result = await deps.capacity.claim(agentId, id, { need: 'online', queue: null }, async () => {
          const changed = await conversations.handOver(id, fromAgentId, {
            agentId: target._id,
            card: { displayName: target.displayName, avatarUrl: target.avatarUrl ?? undefined },
          });
          if (!changed) throw new AppError('CONFLICT', 'This chat changed hands meanwhile.');
          return changed;
        });
        if (result.outcome === 'agent-unavailable')
          throw new AppError('CONFLICT', `${target.displayName} is not online.`);
        if (result.outcome === 'agent-full') throw new AppError('CONFLICT', `${target.displayName} has no free slot.`);
        return result.conversation ?? null;
      },
      prepare: async (moved) => {
        broadcast.joinAgent(agentId, id);
        await storeNote(moved, by, note);
        if (fromAgentId) await release(fromAgentId, moved, cause, { toAgentName: target.displayName });
      },
      line: () => ({ event: 'conversation.transferred', params: { agentName: target.displayName } }),
    });
    if (!done) throw new AppError('CONFLICT', 'This chat changed hands meanwhile; nothing was transferred.');
    tellTransferred(
      {
        conversationId: id,
        ...(fromAgentId ? { fromAgentId: fromAgentId.toHexString() } : {}),
        toAgentId: agentId,
        ...(note ? { note } : {}),
      },
      agentId,
    );
    await deps.hooks.emit('transferred', done.conversation, {
      reason: cause.reason,
      fromAgentId: fromAgentId?.toHexString() ?? null,
      to: { agentId },
      ...(note ? { note } : {}),
    });
    return done.view;
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
      const done = await conversations.changeState({
        // Another advisor, as the customer is told: never straight back to the one it left.
        write: () => conversations.requeueFrom(current._id.toHexString(), fromAgentId),
        prepare: (requeued) => deps.state.enqueue(queueKeyOf(current.departmentId), [waitingEntry(requeued)]),
        line: () => ({ event: 'conversation.requeued' }),
      });
      if (!done) return;
      const requeued = done.conversation;
      if (fromAgentId) {
        const department = current.departmentId ? await deps.departments.get(current.departmentId.toHexString()) : null;
        await release(
          fromAgentId,
          requeued,
          { reason: 'requeued', ...(by ? { by } : {}) },
          department ? { toDepartmentName: department.name } : {},
        );
      }
      deps.queueChanged(queueKeyOf(current.departmentId));
      await deps.hooks.emit('transferred', requeued, {
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
      const done = await conversations.changeState({
        write: () =>
          conversations.handOver(conversationId, fromAgentId, {
            agentId: new Types.ObjectId(by.id),
            card: { displayName: by.displayName, avatarUrl: by.avatarUrl },
          }),
        prepare: async (moved) => {
          broadcast.joinAgent(by.id, conversationId);
          await deps.capacity.hold(by.id, conversationId);
          if (fromAgentId)
            await release(fromAgentId, moved, { reason: 'taken-over', by }, { toAgentName: by.displayName });
        },
        line: () => ({ event: 'conversation.transferred', params: { agentName: by.displayName } }),
      });
      if (!done) throw new AppError('CONFLICT', 'This chat changed hands meanwhile; nothing was taken over.');
      tellTransferred(
        {
          conversationId,
          ...(fromAgentId ? { fromAgentId: fromAgentId.toHexString() } : {}),
          toAgentId: by.id,
        },
        by.id,
      );
      await deps.hooks.emit('transferred', done.conversation, {
        reason: 'taken-over',
        fromAgentId: fromAgentId?.toHexString() ?? null,
        to: { agentId: by.id },
      });
      return done.view;
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
