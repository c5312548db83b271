import type { Types } from 'mongoose';
import type { ConversationDocument } from './conversation.model.js';

/** Read, decide, write one conversation, conditional on the revision read (the service's `mutate`). */
type Mutate = (
  id: string,
  decide: (conversation: ConversationDocument) => Record<string, unknown> | null,
) => Promise<{ conversation: ConversationDocument; changed: boolean } | null>;

const stillWith = (conversation: ConversationDocument, agentId: Types.ObjectId | null | undefined) =>
  conversation.status === 'active' && Boolean(agentId) && conversation.agentId?.equals(agentId ?? '') === true;

/** The card customers see of the advisor holding their chat. */
export interface AgentCard {
  displayName: string;
  avatarUrl?: string | null | undefined;
}

/**
 * The changes of hands made outside routing's assignment (transfers, requeues,
 * take-overs) and the offline message's mark. Each moves a chat only if it is
 * still as the caller saw it (with the agent they saw), so a decision taken on
 * a stale read never takes the chat from the next agent. Each resolves to the
 * chat as stored after the change, or null when nothing changed.
 */
export function createConversationMoves(mutate: Mutate) {
  const changedOnly = (result: Awaited<ReturnType<Mutate>>) => (result?.changed ? result.conversation : null);

  return {
    /**
     * Puts a chat still with `fromAgentId` back in a queue at the front
     * (priority 1), never straight back to that agent: its own queue, or
     * `departmentId`'s (a transfer to a team).
     */
    async requeueFrom(
      id: string,
      fromAgentId: Types.ObjectId | null | undefined,
      departmentId?: Types.ObjectId,
    ): Promise<ConversationDocument | null> {
      return changedOnly(
        await mutate(id, (current) =>
          stillWith(current, fromAgentId)
            ? {
                status: 'queued',
                agentId: null,
                agentCard: null,
                ...(departmentId ? { departmentId } : {}),
                priority: 1,
                avoidAgentId: fromAgentId ?? null,
              }
            : null,
        ),
      );
    },

    /** Hands a chat still with `fromAgentId` to another agent (a transfer, a take-over). */
    async handOver(
      id: string,
      fromAgentId: Types.ObjectId | null | undefined,
      to: { agentId: Types.ObjectId; card: AgentCard },
    ): Promise<ConversationDocument | null> {
      return changedOnly(
        await mutate(id, (current) =>
          stillWith(current, fromAgentId) ? { agentId: to.agentId, agentCard: to.card } : null,
        ),
      );
    },

    /**
     * Marks a chat not yet closed as superseded by the offline message that
     * carries its case on, so its close emails nothing.
     */
    async markSuperseded(id: string, by: Types.ObjectId): Promise<void> {
      await mutate(id, (current) => (current.status === 'closed' ? null : { supersededBy: by }));
    },
  };
}
