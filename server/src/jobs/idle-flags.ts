import {
  IDLE_REASONS,
  type ConversationIdle,
  type ConversationIdleCleared,
  type IdleReason,
} from '@switchboard/shared';
import { SUPERVISORS_ROOM } from '../auth/principal.js';
import type { ConversationDocument, conversationModels } from '../conversations/conversation.model.js';
import { conversationLockKey } from '../conversations/conversation-lock.js';
import { rooms } from '../conversations/rooms.js';
import type { DocumentLocks } from '../infra/document-lock.js';
import type { SocketServer } from '../infra/socket-server.js';

/** The stored timestamps a flag decision was made from; the flag is set only if they are still current. */
export type FlagGuard = Pick<ConversationDocument, 'lastCustomerMessageAt' | 'lastAgentMessageAt'>;

/**
 * The `idle` flag on conversations (S2) and its live events. Setting is a
 * compare-and-set on the message timestamps the decision read, so a message
 * stored meanwhile wins over a stale timer; clearing is conditional on the
 * reason, so each side only clears its own flag. Events go to the
 * supervisors room and the conversation's agents.
 */
export function createIdleFlags(deps: {
  Conversation: ReturnType<typeof conversationModels>['Conversation'];
  sockets: SocketServer;
  locks: DocumentLocks;
}) {
  const { Conversation, locks } = deps;
  // Compare-and-set under the conversation's lock: FerretDB would otherwise let this
  // write and a concurrent message store overwrite each other (docs/consistency.md).
  const underLock = <T>(conversationId: string, work: () => Promise<T>) =>
    locks.run(conversationLockKey(conversationId), work);
  const to = (conversationId: string) =>
    deps.sockets.namespace('agent').to(SUPERVISORS_ROOM).to(rooms.conversationAgents(conversationId));

  const emitCleared = (conversationId: string, reason: IdleReason) =>
    to(conversationId).emit('conversation.idle-cleared', { conversationId, reason } satisfies ConversationIdleCleared);

  return {
    async set(conversation: ConversationDocument, reason: IdleReason, since: Date, guard: FlagGuard): Promise<boolean> {
      const id = conversation._id.toHexString();
      const result = await underLock(id, () =>
        Conversation.updateOne(
          {
            _id: conversation._id,
            status: 'active',
            lastCustomerMessageAt: guard.lastCustomerMessageAt ?? null,
            lastAgentMessageAt: guard.lastAgentMessageAt ?? null,
          },
          { $set: { idle: { reason, since } } },
        ),
      );
      if (result.modifiedCount === 0) return false;
      to(id).emit('conversation.idle', {
        conversationId: id,
        caseNumber: conversation.caseNumber,
        ...(conversation.agentId ? { agentId: conversation.agentId.toHexString() } : {}),
        reason,
        since: since.toISOString(),
      } satisfies ConversationIdle);
      return true;
    },

    /** Clears the flag if it has this reason (or any reason, when omitted). */
    async clear(conversationId: string, reason?: IdleReason): Promise<void> {
      const reasons = reason ? [reason] : [...IDLE_REASONS];
      for (const each of reasons) {
        const result = await underLock(conversationId, () =>
          Conversation.updateOne({ _id: conversationId, 'idle.reason': each }, { $set: { idle: null } }),
        );
        if (result.modifiedCount > 0) emitCleared(conversationId, each);
      }
    },

    /** Active conversations flagged idle, longest waiting first. */
    async list(): Promise<ConversationIdle[]> {
      const found = (await Conversation.find({ status: 'active', 'idle.reason': { $in: [...IDLE_REASONS] } })
        .limit(500)
        .lean()) as ConversationDocument[];
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
