import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Schema, type Connection, type Types } from 'mongoose';
import { upsertWithRetry } from './upsert.js';
import { modelOn } from '../infra/mongo.js';

const ratingLinkSchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, required: true, unique: true },
    token: { type: String, required: true },
    /** When the first email carrying the link was rendered (links older than expiry: their first use). */
    createdAt: Date,
  },
  { collection: 'rating_links' },
);

interface RatingLinkRecord {
  token: string;
  createdAt?: Date | null;
}

export type RatingLinkCheck = 'valid' | 'expired' | 'invalid';

const sameToken = (stored: string, given: string): boolean => {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The satisfaction link in transcript emails: `<PUBLIC_URL>/rate/<conversation>?token=…`
 * with a random token per conversation (the same in every email of it), so
 * only someone who received the email can rate. It works for `ttlMs` after
 * the first email that carried it; the rating page checks it with {@link RatingLinks.check}.
 */
export function createRatingLinks(connection: Connection, options: { baseUrl: () => string; ttlMs: number }) {
  const RatingLink = modelOn(connection, 'RatingLink', ratingLinkSchema);
  return {
    model: RatingLink,

    async linkFor(conversationId: Types.ObjectId): Promise<string> {
      // Upsert: concurrent emails of one conversation agree on the first token written.
      const upsert = () =>
        RatingLink.findOneAndUpdate(
          { conversationId },
          { $setOnInsert: { conversationId, token: randomBytes(18).toString('base64url'), createdAt: new Date() } },
          { upsert: true, returnDocument: 'after' },
        ).lean<RatingLinkRecord>();
      const { token } = await upsertWithRetry(upsert);
      return `${options.baseUrl()}/rate/${conversationId.toHexString()}?token=${encodeURIComponent(token)}`;
    },

    /** Whether `token` is this conversation's, and still within its lifetime. */
    async check(conversationId: Types.ObjectId, token: string, now = new Date()): Promise<RatingLinkCheck> {
      const found = await RatingLink.findOne({ conversationId }).lean<RatingLinkRecord & { _id: Types.ObjectId }>();
      if (!found || !sameToken(found.token, token)) return 'invalid';
      const createdAt = found.createdAt ?? null;
      if (!createdAt) {
        // Written before links expired: its lifetime starts at its first use instead.
        await RatingLink.updateOne({ _id: found._id, createdAt: null }, { $set: { createdAt: now } });
        return 'valid';
      }
      return now.getTime() - createdAt.getTime() > options.ttlMs ? 'expired' : 'valid';
    },

    /** Deletes a conversation's rating link (data protection). */
    async removeOf(conversationId: Types.ObjectId): Promise<void> {
      await RatingLink.deleteMany({ conversationId });
    },
  };
}

export type RatingLinks = ReturnType<typeof createRatingLinks>;
