import { rm } from 'node:fs/promises';
import type { Redis } from 'ioredis';
import type { Types } from 'mongoose';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { outboxFile } from '../mail/mailer.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { RatingLinks } from '../transcripts/rating-links.js';
import type { TranscriptsService } from '../transcripts/transcripts.service.js';
import type { WebhookDeliveryQueries } from '../webhooks/webhook-delivery-queries.js';
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
  conversations: Pick<ConversationsService, 'removeRecord' | 'redactRecord'>;
  messages: Pick<MessagesService, 'removeAllOfConversation'>;
  transcripts: Pick<TranscriptsService, 'deliveryMessageIdsOf' | 'removeDeliveryLogOf'>;
  ratingLinks: Pick<RatingLinks, 'removeOf'>;
  webhooks: Pick<WebhookDeliveryQueries, 'removeDeliveriesOfConversation'>;
  redis: Redis;
  prefix: string;
  /** The outbox folder when emails are written there (no SMTP_URL); null otherwise. */
  outbox: string | null;
  files: Pick<ConversationFiles, 'removeAll'>;
}) {
  return async function scrub(conversationId: Types.ObjectId, mode: 'redact' | 'delete'): Promise<ScrubCounts> {
    const transcripts = await deps.transcripts.deliveryMessageIdsOf(conversationId);
    if (deps.outbox) {
      const outbox = deps.outbox;
      await Promise.all(transcripts.map((each) => rm(outboxFile(outbox, each.messageId), { force: true })));
    }
    // Files before messages: a file whose record outlived its message would still be listed and linked.
    const files = await deps.files.removeAll(conversationId);
    const [messages, , , webhookDeliveries] = await Promise.all([
      deps.messages.removeAllOfConversation(conversationId),
      deps.transcripts.removeDeliveryLogOf(conversationId),
      deps.ratingLinks.removeOf(conversationId),
      deps.webhooks.removeDeliveriesOfConversation(conversationId.toHexString()),
    ]);
    const id = conversationId.toHexString();
    await deps.redis.del(`${deps.prefix}:conv:${id}`, `${deps.prefix}:conv:${id}:seq`);
    if (mode === 'delete') await deps.conversations.removeRecord(conversationId);
    else await deps.conversations.redactRecord(conversationId);
    return {
      messages,
      transcripts: transcripts.length,
      webhookDeliveries,
      files,
    };
  };
}

export type ConversationScrub = ReturnType<typeof createConversationScrub>;
