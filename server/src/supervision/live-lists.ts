import type { IdleSession, LiveConversation, LiveList } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { AgentsService } from '../agents/agents.service.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import { conversationListingFields } from '../conversations/conversation-view.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { IdleFlags } from '../jobs/idle-flags.js';

/** Most live chats one listing returns (a board row rarely holds more than a few dozen). */
const LIVE_LIMIT = 200;

/**
 * The lists supervisors act from: idle sessions (the jobs feature's flags
 * with names added) and the live chats of an agent or a department (to observe).
 */
export function createLiveLists(deps: {
  agents: Pick<AgentsService, 'namesOf'>;
  conversations: Pick<ConversationsService, 'withIds' | 'live'>;
  flags: Pick<IdleFlags, 'list'>;
}) {
  const { conversations } = deps;

  async function agentNames(ids: (Types.ObjectId | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.flatMap((id) => (id ? [id.toHexString()] : [])))];
    return await deps.agents.namesOf(wanted);
  }

  const common = (conversation: ConversationDocument, names: Map<string, string>) => {
    const agentId = conversation.agentId?.toHexString();
    const agentName = agentId ? names.get(agentId) : undefined;
    return {
      ...conversationListingFields(conversation),
      ...(agentId ? { agentId } : {}),
      ...(agentName ? { agentName } : {}),
    };
  };

  return {
    /** Chats flagged idle, longest silence first, with customer, topic and agent names. */
    async idle(): Promise<IdleSession[]> {
      const flags = await deps.flags.list();
      if (flags.length === 0) return [];
      const found = await conversations.withIds(flags.map((flag) => new Types.ObjectId(flag.conversationId)));
      const byId = new Map(found.map((conversation) => [conversation._id.toHexString(), conversation]));
      const names = await agentNames(found.map((conversation) => conversation.agentId));
      return flags.flatMap((flag) => {
        const conversation = byId.get(flag.conversationId);
        if (!conversation) return [];
        return [{ ...common(conversation, names), reason: flag.reason, since: flag.since }];
      });
    },

    /** Queued and active chats (offline messages aside) of one agent, one department, or all; oldest first. */
    async live(query: LiveList): Promise<LiveConversation[]> {
      const found = await conversations.live(
        {
          ...(query.agentId ? { agentId: new Types.ObjectId(query.agentId) } : {}),
          ...(query.departmentId
            ? { departmentId: query.departmentId === 'general' ? null : new Types.ObjectId(query.departmentId) }
            : {}),
        },
        LIVE_LIMIT,
      );
      const names = await agentNames(found.map((conversation) => conversation.agentId));
      return found.map((conversation) => ({
        ...common(conversation, names),
        status: conversation.status === 'queued' ? ('queued' as const) : ('active' as const),
        queuedAt: conversation.queuedAt.toISOString(),
        ...(conversation.assignedAt ? { assignedAt: conversation.assignedAt.toISOString() } : {}),
        ...(conversation.idle?.reason ? { idle: conversation.idle.reason } : {}),
      }));
    },
  };
}

export type LiveLists = ReturnType<typeof createLiveLists>;
