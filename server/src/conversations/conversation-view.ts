import type { ConversationView } from '@switchboard/shared';
import type { ConversationDocument } from './conversation.model.js';

export function toConversationView(conversation: ConversationDocument): ConversationView {
  const card = conversation.agentCard;
  // Documents written before receipts existed have none; a reloaded widget restores "read" from these.
  const agentMarks = (conversation.receipts as Partial<ConversationDocument['receipts']> | undefined)?.agent;
  return {
    id: conversation._id.toHexString(),
    caseNumber: conversation.caseNumber,
    status: conversation.status,
    topic: conversation.topic,
    ...(conversation.departmentId ? { departmentId: conversation.departmentId.toHexString() } : {}),
    language: conversation.language,
    ...(conversation.agentId && card?.displayName
      ? {
          agent: {
            id: conversation.agentId.toHexString(),
            displayName: card.displayName,
            ...(card.avatarUrl ? { avatarUrl: card.avatarUrl } : {}),
          },
        }
      : {}),
    lastSeq: conversation.lastSeq,
    rev: conversation.stateRev,
    createdAt: (conversation as { createdAt?: Date }).createdAt?.toISOString() ?? conversation.queuedAt.toISOString(),
    ...(conversation.firstAgentReplyAt ? { firstAgentReplyAt: conversation.firstAgentReplyAt.toISOString() } : {}),
    ...(conversation.closedAt ? { closedAt: conversation.closedAt.toISOString() } : {}),
    ...(conversation.offline ? { offline: true } : {}),
    ...(agentMarks?.deliveredSeq
      ? { agentReceipts: { deliveredSeq: agentMarks.deliveredSeq, readSeq: agentMarks.readSeq || 0 } }
      : {}),
  };
}

/**
 * The fields every list of chats shown to agents and supervisors (queue, idle
 * sessions, live chats) starts with, so a row names its chat the same way everywhere.
 */
export function conversationListingFields(conversation: ConversationDocument) {
  return {
    conversationId: conversation._id.toHexString(),
    caseNumber: conversation.caseNumber,
    topic: conversation.topic,
    language: conversation.language,
    ...(conversation.departmentId ? { departmentId: conversation.departmentId.toHexString() } : {}),
    ...(conversation.prechat?.name ? { customerName: conversation.prechat.name } : {}),
  };
}
