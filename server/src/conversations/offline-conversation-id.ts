import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * The id of the conversation a left message becomes, derived from the
 * customer and the widget's request id: a retried (or doubled) request
 * inserts under the same `_id`, so the unique `_id` index lets exactly one
 * conversation exist, without a lock or a look-up by other fields.
 */
export function offlineConversationId(customerId: string, requestId: string): Types.ObjectId {
  const digest = createHash('sha256').update('offline\0').update(customerId).update('\0').update(requestId).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}
