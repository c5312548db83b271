import { rm } from 'node:fs/promises';
import type { Redis } from 'ioredis';
import type { Connection, Types } from 'mongoose';
import { conversationModels } from '../conversations/conversation.model.js';
import { outboxFile } from '../mail/mailer.js';
import { messageModel } from '../messages/message.model.js';
import { deliveryModel } from '../transcripts/transcript-delivery.model.js';
import { webhookModels } from '../webhooks/webhook.model.js';
import type { ConversationFiles } from './conversation-files.js';

export interface ScrubCounts {
  messages: number;
  transcripts: number;
  webhookDeliveries: number;
  files: number;
}

/**
 * Removes what a closed conversation says about its customer, for erasure
 * and retention alike: its messages (all of them: agents' replies quote and
 * name the customer too), its files (bytes and records), its transcript emails (their log and the outbox
 * copies), its rating link, its webhook deliveries and its live-state mirror
 * in Redis. Then the conversation itself is deleted, or kept redacted
 * (pre-chat details and the rating's comment gone; status, times, topic,
 * resolution and the 1–5 rating stay, so reports still count it).
 */
export function createConversationScrub(deps: {
  mongo: Connection;
  redis: Redis;
  prefix: string;
  /** The outbox folder when emails are written there (no SMTP_URL); null otherwise. */
  outbox: string | null;
  files: Pick<ConversationFiles, 'removeAll'>;
}) {
  const { Conversation } = conversationModels(deps.mongo);
  const Message = messageModel(deps.mongo);
  const Delivery = deliveryModel(deps.mongo);
  const { Delivery: WebhookDelivery } = webhookModels(deps.mongo);
  const ratingLinks = () => deps.mongo.collection('rating_links');

  return async function scrub(conversationId: Types.ObjectId, mode: 'redact' | 'delete'): Promise<ScrubCounts> {
    const transcripts = await Delivery.find({ conversationId }, { messageId: 1 }).lean();
    if (deps.outbox) {
      const outbox = deps.outbox;
      await Promise.all(transcripts.map((each) => rm(outboxFile(outbox, each.messageId), { force: true })));
    }
    // Files before messages: a file whose record outlived its message would still be listed and linked.
    const files = await deps.files.removeAll(conversationId);
    const [messages, , , webhookDeliveries] = await Promise.all([
      Message.deleteMany({ conversationId }),
      Delivery.deleteMany({ conversationId }),
      ratingLinks().deleteMany({ conversationId }),
      WebhookDelivery.deleteMany({ conversationId: conversationId.toHexString() }),
    ]);
    const id = conversationId.toHexString();
    await deps.redis.del(`${deps.prefix}:conv:${id}`, `${deps.prefix}:conv:${id}:seq`);
    if (mode === 'delete') {
      await Conversation.deleteOne({ _id: conversationId });
    } else {
      // `satisfaction` and `erasedAt` belong to other features' views of the document: strict off for them.
      await Conversation.updateOne(
        { _id: conversationId },
        { $unset: { prechat: 1, 'satisfaction.comment': 1 }, $set: { erasedAt: new Date() } },
        { strict: false },
      );
    }
    return {
      messages: messages.deletedCount,
      transcripts: transcripts.length,
      webhookDeliveries: webhookDeliveries.deletedCount,
      files,
    };
  };
}

export type ConversationScrub = ReturnType<typeof createConversationScrub>;
