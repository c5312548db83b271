import type { MessageView } from '@switchboard/shared';
import type { ConversationDocument } from '../conversations/conversation.model.js';

/**
 * What receivers get about a conversation: enough for a CRM or a ticket
 * (case number, topic, who the customer said they are, who has it), never
 * the transcript itself (that comes message by message, to those who ask).
 */
export function conversationSummary(conversation: ConversationDocument): Record<string, unknown> {
  const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);
  return {
    id: conversation._id.toHexString(),
    caseNumber: conversation.caseNumber,
    status: conversation.status,
    topic: conversation.topic,
    departmentId: conversation.departmentId?.toHexString() ?? null,
    language: conversation.language,
    // Documents stored before the field existed have none.
    offline: conversation.offline,
    customer: {
      id: conversation.customerId.toHexString(),
      ...(conversation.prechat?.name ? { name: conversation.prechat.name } : {}),
      ...(conversation.prechat?.email ? { email: conversation.prechat.email } : {}),
    },
    agentId: conversation.agentId?.toHexString() ?? null,
    createdAt: iso((conversation as { createdAt?: Date }).createdAt),
    assignedAt: iso(conversation.assignedAt),
    closedAt: iso(conversation.closedAt),
    ...(conversation.status === 'closed'
      ? { resolution: conversation.disposition ?? null, closedBy: conversation.closedBy?.kind ?? null }
      : {}),
  };
}

/** A message as receivers get it (its author as the desk shows them). */
export function messageSummary(message: MessageView): Record<string, unknown> {
  return {
    id: message.id,
    seq: message.seq,
    author: message.author,
    body: message.body,
    internal: message.internal,
    createdAt: message.createdAt,
  };
}
