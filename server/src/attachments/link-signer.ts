import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

const secretSchema = new Schema(
  { _id: String, key: { type: String, required: true } },
  { collection: 'server_secrets' },
);

const KEY_ID = 'attachment-links';

/**
 * HMAC-SHA256 signatures for file links and upload tickets. The key is made
 * once per deployment and kept in the database, so every server process
 * signs and checks alike without another setting to distribute; rotating it
 * (deleting the document and restarting) only expires the links out there.
 */
export function createLinkSigner(connection: Connection) {
  const Secret = modelOn(connection, 'ServerSecret', secretSchema);
  let key: Buffer | null = null;
  const sign = (text: string) => {
    if (!key) throw new Error('link key not loaded yet');
    return createHmac('sha256', key).update(text).digest('base64url');
  };
  return {
    /** Reads the deployment's key, making it on first start (several processes at once agree on one). */
    async load(): Promise<void> {
      const stored = await Secret.findOneAndUpdate(
        { _id: KEY_ID },
        { $setOnInsert: { key: randomBytes(32).toString('base64url') } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean()
        .catch(async (error: unknown) => {
          // Two first starts upserting at once: one insert wins, read it.
          const winner = await Secret.findById(KEY_ID).lean();
          if (!winner) throw error;
          return winner;
        });
      key = Buffer.from(stored.key, 'base64url');
    },
    get ready(): boolean {
      return key !== null;
    },
    sign,
    verify(text: string, signature: string): boolean {
      if (!key) return false;
      const expected = Buffer.from(sign(text));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

export type LinkSigner = ReturnType<typeof createLinkSigner>;
