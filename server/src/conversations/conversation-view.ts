import type { ConversationView } from '@switchboard/shared';
import type { ConversationDocument } from './conversation.model.js';

export function toConversationView(conversation: ConversationDocument): ConversationView {
  const card = conversation.agentCard;
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
    createdAt: (conversation as { createdAt?: Date }).createdAt?.toISOString() ?? conversation.queuedAt.toISOString(),
    ...(conversation.firstAgentReplyAt ? { firstAgentReplyAt: conversation.firstAgentReplyAt.toISOString() } : {}),
    ...(conversation.closedAt ? { closedAt: conversation.closedAt.toISOString() } : {}),
    ...(conversation.offline ? { offline: true } : {}),
  };
}
