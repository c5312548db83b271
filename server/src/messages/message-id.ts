import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * A message's `_id`, derived from its conversation and the sender's
 * clientMessageId. A retried send then finds its original by `_id` — the one
 * look-up every MongoDB-wire server answers from an index (FerretDB v1
 * pushes nothing else down to SQLite, so a look-up by the two fields scans
 * every message ever stored) — and a second insert of the same send fails on
 * `_id` as well as on the unique `{conversationId, clientMessageId}` index.
 * 96 bits of SHA-256: a clash between two different sends is not a practical
 * concern, and callers still compare the fields of what they find.
 */
export function messageIdFor(conversationId: Types.ObjectId, clientMessageId: string): Types.ObjectId {
  const digest = createHash('sha256')
    .update(conversationId.toHexString())
    .update('\0')
    .update(clientMessageId)
    .digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}
