import { AppError, type ConversationView, type SupervisorClose, type SupervisorReassign } from '@switchboard/shared';
import type { AuditService } from '../audit/audit.service.js';
import type { AgentPrincipal } from '../auth/principal.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import { toConversationView } from '../conversations/conversation-view.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { IdleFlags } from '../jobs/idle-flags.js';
import type { RoutingService } from '../routing/routing.service.js';

export interface SupervisorActionsDeps {
  conversations: Pick<ConversationsService, 'load' | 'close'>;
  routing: Pick<RoutingService, 'transfer' | 'requeue' | 'takeOver'>;
  flags: Pick<IdleFlags, 'clear'>;
  audit: Pick<AuditService, 'record'>;
  /** Whether closing this chat emails its transcript (jobs feature). */
  willEmailTranscript: (conversation: ConversationDocument) => boolean;
  /** Something on the board changed. */
  changed: () => void;
}

/**
 * The supervisor's one-click fixes for idle chats (reassign, requeue, take
 * over, close). Each reuses the code agents and routing already run
 * (routing's transfer with its atomic capacity claim, its requeue at the
 * front, the ordinary close), so a supervisor's action obeys the same rules;
 * each leaves the system message those write and an audit record, and takes
 * the chat off the idle list.
 */
export function createSupervisorActions(deps: SupervisorActionsDeps) {
  async function live(conversationId: string): Promise<ConversationDocument> {
    const conversation = await deps.conversations.load(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
    if (conversation.status !== 'active') throw new AppError('CONFLICT', 'This chat is no longer in progress.');
    return conversation;
  }

  async function done(
    by: AgentPrincipal,
    action: string,
    before: ConversationDocument,
    details: Record<string, unknown>,
  ): Promise<void> {
    const id = before._id.toHexString();
    await deps.flags.clear(id);
    await deps.audit.record({
      actor: by,
      action,
      target: { kind: 'conversation', id, name: before.caseNumber },
      details: {
        caseNumber: before.caseNumber,
        ...(before.agentId ? { fromAgentId: before.agentId.toHexString() } : {}),
        ...(before.agentCard?.displayName ? { fromAgentName: before.agentCard.displayName } : {}),
        ...(before.idle?.reason ? { idleReason: before.idle.reason } : {}),
        ...details,
      },
    });
    deps.changed();
  }

  return {
    /** To a chosen agent, who must be online with a free slot (routing's claim decides, atomically). */
    async reassign(by: AgentPrincipal, { conversationId, agentId }: SupervisorReassign): Promise<ConversationView> {
      const before = await live(conversationId);
      const view = await deps.routing.transfer(by, { conversationId, to: { agentId } }, 'reassigned');
      await done(by, 'conversation.reassign', before, {
        toAgentId: agentId,
        ...(view.agent ? { toAgentName: view.agent.displayName } : {}),
      });
      return view;
    },

    /** Back to its own queue, at the front (priority, original queue time kept). */
    async requeue(by: AgentPrincipal, conversationId: string): Promise<ConversationView> {
      const before = await live(conversationId);
      await deps.routing.requeue(before, by);
      const after = await deps.conversations.load(conversationId);
      // Routing may already have handed it to someone else: that counts, an unchanged chat does not.
      const moved =
        after !== null &&
        (after.status === 'queued' || (after.assignedAt?.getTime() ?? 0) !== (before.assignedAt?.getTime() ?? 0));
      if (!after || !moved) throw new AppError('CONFLICT', 'This chat changed meanwhile; it was not requeued.');
      await done(by, 'conversation.requeue', before, {});
      return toConversationView(after);
    },

    /**
     * The supervisor becomes the chat's agent, from the console: no need to go
     * online (which would make them eligible for routed chats), no slot needed.
     */
    async takeover(by: AgentPrincipal, conversationId: string): Promise<ConversationView> {
      const before = await live(conversationId);
      const view = await deps.routing.takeOver(by, conversationId);
      await done(by, 'conversation.takeover', before, { toAgentId: by.id, toAgentName: by.displayName });
      return view;
    },

    /** Ends the chat as an agent's close does: closing message, transcript email, slot freed. */
    async close(by: AgentPrincipal, payload: SupervisorClose): Promise<ConversationView> {
      const before = await live(payload.conversationId);
      const disposition = payload.disposition ?? 'no-response';
      const view = await deps.conversations.close(before, { kind: 'agent', id: by.id }, disposition);
      await done(by, 'conversation.close', before, { disposition, transcript: deps.willEmailTranscript(before) });
      return view;
    },
  };
}

export type SupervisorActions = ReturnType<typeof createSupervisorActions>;
