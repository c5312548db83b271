import type { ReceiptUpdated } from '@switchboard/shared';
import type { ConversationDocument } from './conversation.model.js';
import type { ConversationsService } from './conversations.service.js';
import type { LiveStateStore } from '../messages/live-state.js';

/**
 * Moves a side's delivered/read marks forward (never back: `$max`, one atomic
 * write, whoever else writes the document meanwhile), clamped to seqs that
 * have been handed out, and returns the marks as stored. Reading implies delivery.
 */
export async function advanceReceipts(
  deps: { conversations: Pick<ConversationsService, 'raiseReceipts'>; liveState: Pick<LiveStateStore, 'currentSeq'> },
  conversation: ConversationDocument,
  side: 'customer' | 'agent',
  marks: { deliveredSeq?: number | undefined; readSeq?: number | undefined },
): Promise<ReceiptUpdated> {
  const highest = Math.max(conversation.lastSeq, await deps.liveState.currentSeq(conversation._id));
  const clamp = (seq: number | undefined) => Math.max(0, Math.min(seq ?? 0, highest));
  const readSeq = clamp(marks.readSeq);
  const deliveredSeq = Math.max(clamp(marks.deliveredSeq), readSeq);
  const marksNow = await deps.conversations.raiseReceipts(conversation._id, side, readSeq, deliveredSeq);
  return {
    conversationId: conversation._id.toHexString(),
    side,
    deliveredSeq: marksNow?.deliveredSeq ?? 0,
    readSeq: marksNow?.readSeq ?? 0,
  };
}
