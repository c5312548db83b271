import type { ReceiptUpdated } from '@switchboard/shared';
import type { ConversationDocument } from './conversation.model.js';
import type { ConversationsService } from './conversations.service.js';

/**
 * Moves a side's delivered/read marks forward (never back), clamped to seqs
 * that exist, and returns the marks as stored. Reading implies delivery.
 */
export async function advanceReceipts(
  conversations: Pick<ConversationsService, 'mutate'>,
  conversation: ConversationDocument,
  side: 'customer' | 'agent',
  marks: { deliveredSeq?: number | undefined; readSeq?: number | undefined },
): Promise<ReceiptUpdated> {
  const result = await conversations.mutate(conversation._id.toHexString(), (current) => {
    const stored = current.receipts?.[side] ?? { deliveredSeq: 0, readSeq: 0 };
    const clamp = (seq: number | undefined) => Math.min(seq ?? 0, current.lastSeq);
    const readSeq = Math.max(stored.readSeq, clamp(marks.readSeq));
    const deliveredSeq = Math.max(stored.deliveredSeq, clamp(marks.deliveredSeq), readSeq);
    if (readSeq === stored.readSeq && deliveredSeq === stored.deliveredSeq) return null;
    return { receipts: { ...current.receipts, [side]: { deliveredSeq, readSeq } } };
  });
  const stored = result?.conversation.receipts?.[side];
  return {
    conversationId: conversation._id.toHexString(),
    side,
    deliveredSeq: stored?.deliveredSeq ?? 0,
    readSeq: stored?.readSeq ?? 0,
  };
}
