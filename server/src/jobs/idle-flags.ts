import {
  IDLE_REASONS,
  type ConversationIdle,
  type ConversationIdleCleared,
  type IdleReason,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import { SUPERVISORS_ROOM } from '../auth/principal.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { LiveState, LiveStateStore } from '../messages/live-state.js';
import { rooms } from '../conversations/rooms.js';
import type { SocketServer } from '../infra/socket-server.js';

/**
 * The `idle` flag on conversations and its live events, for supervisors'
 * idle sessions list. Whether a flag may be set is decided in Redis, where
 * messages are admitted (live-state.ts): setting compares the conversation's
 * live state with what the decision read, so a message or a state change
 * stored meanwhile wins over a stale timer; a message that answers a flag
 * clears it there in the same step that admits it. The document follows:
 * after writing a flag it looks again, and takes the flag back if a message
 * cleared it while the write was on its way. Events go to the supervisors
 * room and the conversation's agents.
 */
export function createIdleFlags(deps: {
  conversations: Pick<ConversationsService, 'setIdleFlag' | 'clearIdleFlag' | 'flaggedIdle'>;
  sockets: SocketServer;
  liveState: LiveStateStore;
}) {
  const { conversations, liveState } = deps;
  const to = (conversationId: string) =>
    deps.sockets.namespace('agent').to(SUPERVISORS_ROOM).to(rooms.conversationAgents(conversationId));

  const emitCleared = (conversationId: string, reason: IdleReason) =>
    to(conversationId).emit('conversation.idle-cleared', { conversationId, reason } satisfies ConversationIdleCleared);

  /** Clears the stored flag of this reason; true when there was one. */
  async function clearStored(conversationId: string, reason: IdleReason, since?: Date): Promise<boolean> {
    const cleared = await conversations.clearIdleFlag(conversationId, reason, since);
    if (cleared) emitCleared(conversationId, reason);
    return cleared;
  }

  /** The document's flag and its event, after the flag was raised in Redis; false when a message cleared it meanwhile. */
  async function record(conversation: ConversationDocument, reason: IdleReason, since: Date): Promise<boolean> {
    const id = conversation._id.toHexString();
    if (!(await conversations.setIdleFlag(conversation._id, reason, since))) return false;
    to(id).emit('conversation.idle', {
      conversationId: id,
      caseNumber: conversation.caseNumber,
      ...(conversation.agentId ? { agentId: conversation.agentId.toHexString() } : {}),
      reason,
      since: since.toISOString(),
    } satisfies ConversationIdle);
    // A message that answered the flag between the check above and this write cleared it
    // in Redis only (the document had no flag yet): take the stored one back.
    const now = await liveState.read(conversation._id);
    if (now?.idle !== reason) {
      await clearStored(id, reason, since);
      return false;
    }
    return true;
  }

  return {
    /** Sets the flag if nothing moved since `seen` was read; false when the chat moved on. */
    async set(conversation: ConversationDocument, reason: IdleReason, since: Date, seen: LiveState): Promise<boolean> {
      if (!(await liveState.flagIdle(conversation._id, reason, seen))) return false;
      return record(conversation, reason, since);
    },

    /**
     * Sets the flag where messages are admitted only (false when the chat
     * moved on); {@link record} writes the document after it. Between the
     * two a customer's answer already clears it: the check-in, posted right
     * after this, need not wait for the document.
     */
    raise: (conversation: ConversationDocument, reason: IdleReason, seen: LiveState) =>
      liveState.flagIdle(conversation._id, reason, seen),
    record,

    /** Clears the flag if it has this reason (or any reason, when omitted). */
    async clear(conversationId: string, reason?: IdleReason): Promise<void> {
      if (!Types.ObjectId.isValid(conversationId)) return;
      const objectId = new Types.ObjectId(conversationId);
      for (const each of reason ? [reason] : [...IDLE_REASONS]) {
        await liveState.clearIdle(objectId, each);
        await clearStored(conversationId, each);
      }
    },

    /** Active conversations flagged idle, longest waiting first. */
    async list(): Promise<ConversationIdle[]> {
      const found = await conversations.flaggedIdle(500);
      return found
        .flatMap((conversation) => {
          const { idle } = conversation;
          if (!idle?.since) return [];
          return [
            {
              conversationId: conversation._id.toHexString(),
              caseNumber: conversation.caseNumber,
              ...(conversation.agentId ? { agentId: conversation.agentId.toHexString() } : {}),
              reason: idle.reason,
              since: idle.since.toISOString(),
            },
          ];
        })
        .sort((a, b) => a.since.localeCompare(b.since));
    },
  };
}

export type IdleFlags = ReturnType<typeof createIdleFlags>;
