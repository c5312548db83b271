import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Types } from 'mongoose';
import { upsertWithRetry } from './upsert.js';
import { modelOn } from '../infra/mongo.js';

const ratingLinkSchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, required: true, unique: true },
    token: { type: String, required: true },
  },
  { collection: 'rating_links' },
);

/**
 * The satisfaction link in transcript emails: `<PUBLIC_URL>/rate/<conversation>?token=…`
 * with a random token per conversation (the same in every email of it), so
 * only someone who received the email can rate. The rating page (W6) checks
 * the token with {@link RatingLinks.verify}.
 */
export function createRatingLinks(connection: Connection, baseUrl: string) {
  const RatingLink = modelOn(connection, 'RatingLink', ratingLinkSchema);
  return {
    async linkFor(conversationId: Types.ObjectId): Promise<string> {
      // Upsert: concurrent emails of one conversation agree on the first token written.
      const upsert = () =>
        RatingLink.findOneAndUpdate(
          { conversationId },
          { $setOnInsert: { conversationId, token: randomBytes(18).toString('base64url') } },
          { upsert: true, returnDocument: 'after' },
        ).lean<{ token: string }>();
      const { token } = await upsertWithRetry(upsert);
      return `${baseUrl.replace(/\/$/, '')}/rate/${conversationId.toHexString()}?token=${encodeURIComponent(token)}`;
    },
    async verify(conversationId: string, token: string): Promise<boolean> {
      const found = await RatingLink.findOne({ conversationId }).lean<{ token: string }>();
      return found !== null && found.token === token;
    },
  };
}

export type RatingLinks = ReturnType<typeof createRatingLinks>;
