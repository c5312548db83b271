import type { Connection } from 'mongoose';
import type { ConversationRecords } from '../messages/messages.service.js';
import { conversationModels } from './conversation.model.js';

/**
 * The conversation record as the message path needs it (see
 * {@link ConversationRecords}): the messages folder reads and writes the
 * collection only through these, so it depends on nothing of this folder.
 */
export function messagePathRecords(mongo: Connection): ConversationRecords {
  const { Conversation } = conversationModels(mongo);
  return {
    load: (conversationId) => Conversation.findById(conversationId).lean(),
    collection: () => Conversation.collection,
    async recordFirstReply(conversationId, at) {
      await Conversation.updateOne({ _id: conversationId }, { $min: { firstAgentReplyAt: at } });
    },
  };
}
