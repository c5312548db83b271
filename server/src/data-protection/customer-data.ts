import { AppError, type CustomerErased, type CustomerMatch } from '@switchboard/shared';
import { Types, type Connection } from 'mongoose';
import { blockModel } from '../blocks/block.model.js';
import { conversationModels } from '../conversations/conversation.model.js';
import { customerModels } from '../customers/customer.model.js';
import { messageModel } from '../messages/message.model.js';
import { deliveryModel } from '../transcripts/transcript-delivery.model.js';
import { webhookModels } from '../webhooks/webhook.model.js';
import type { ConversationFiles } from './conversation-files.js';
import type { ConversationScrub } from './conversation-scrub.js';

const LIVE = ['queued', 'active'];

/** Stored documents as plain JSON: ids and dates as strings, Mongo's own fields left out. */
function plain(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc, (key, value: unknown) => (key === '__v' ? undefined : value)));
}

/**
 * One customer's data, for data-protection requests: found by email, exported
 * whole as JSON, or erased (refused while they are chatting: close the chat first).
 */
export function createCustomerData(deps: {
  mongo: Connection;
  scrub: ConversationScrub;
  files: Pick<ConversationFiles, 'list'>;
  /** Forgets queued webhook jobs that carry this customer's data (Redis); returns how many. */
  forgetQueuedJobs: (customerId: string) => Promise<number>;
}) {
  const { Customer, VisitorToken } = customerModels(deps.mongo);
  const { Conversation } = conversationModels(deps.mongo);
  const Message = messageModel(deps.mongo);
  const Transcript = deliveryModel(deps.mongo);
  const Block = blockModel(deps.mongo);
  const { Delivery: WebhookDelivery } = webhookModels(deps.mongo);

  async function requireCustomer(id: string) {
    const customer = Types.ObjectId.isValid(id) ? await Customer.findById(id).lean() : null;
    if (!customer) throw new AppError('NOT_FOUND', 'No such customer.');
    return customer;
  }

  return {
    async findByEmail(email: string): Promise<CustomerMatch[]> {
      const address = email.toLowerCase();
      // Addresses are stored as typed: compare without case, on a scan (a rare, admin-only call).
      const fromChats = await Conversation.find({ 'prechat.email': { $exists: true } }, { customerId: 1, prechat: 1 })
        .lean()
        .then((found) =>
          found.filter((each) => each.prechat?.email?.toLowerCase() === address).map((each) => each.customerId),
        );
      const profiles = await Customer.find({ email: { $exists: true } }, { email: 1 })
        .lean()
        .then((found) => found.filter((each) => each.email?.toLowerCase() === address).map((each) => each._id));
      const ids = [...new Set([...fromChats, ...profiles].map((id) => id.toHexString()))];
      const matches = await Promise.all(
        ids.map(async (id): Promise<CustomerMatch | null> => {
          const customer = await Customer.findById(id).lean();
          if (!customer) return null;
          return {
            id,
            ...(customer.name ? { name: customer.name } : {}),
            ...(customer.email ? { email: customer.email } : {}),
            conversations: await Conversation.countDocuments({ customerId: customer._id }),
          };
        }),
      );
      return matches.filter((match): match is CustomerMatch => match !== null);
    },

    /**
     * Everything stored about the customer: profile, conversations with
     * messages, ratings, emails sent, blocks, and the files of their
     * conversations with a signed link to each one's bytes.
     */
    async export(id: string): Promise<Record<string, unknown>> {
      const customer = await requireCustomer(id);
      const conversations = await Conversation.find({ customerId: customer._id }).sort({ createdAt: 1 }).lean();
      const perConversation = await Promise.all(
        conversations.map(async (conversation) => ({
          ...(plain(conversation) as Record<string, unknown>),
          messages: plain(await Message.find({ conversationId: conversation._id }).sort({ seq: 1 }).lean()),
          transcriptDeliveries: plain(await Transcript.find({ conversationId: conversation._id }).lean()),
        })),
      );
      const { identityKey: _key, ...profile } = customer;
      return {
        exportedAt: new Date().toISOString(),
        customer: plain(profile),
        conversations: perConversation,
        visitorBlocks: plain(await Block.find({ customerId: customer._id }).lean()),
        webhookDeliveries: plain(await WebhookDelivery.find({ customerId: id }, { body: 0 }).lean()),
        files: await deps.files.list(conversations),
      };
    },

    /**
     * Removes the customer's profile and visitor tokens, every message of
     * their conversations, the emails sent about them and what webhooks
     * still hold; their conversations stay as redacted shells (reports count
     * them). Nothing of theirs is left in any collection.
     */
    async erase(id: string): Promise<CustomerErased> {
      const customer = await requireCustomer(id);
      const conversations = await Conversation.find({ customerId: customer._id }, { _id: 1, status: 1 }).lean();
      if (conversations.some((conversation) => LIVE.includes(conversation.status))) {
        throw new AppError('CONFLICT', 'This customer is chatting now: close the conversation first.', {
          reason: 'live-conversation',
        });
      }
      const totals: CustomerErased = {
        customerId: id,
        conversations: conversations.length,
        messages: 0,
        transcripts: 0,
        webhookDeliveries: 0,
        files: 0,
      };
      for (const conversation of conversations) {
        const counts = await deps.scrub(conversation._id, 'redact');
        totals.messages += counts.messages;
        totals.transcripts += counts.transcripts;
        totals.webhookDeliveries += counts.webhookDeliveries;
        totals.files += counts.files;
      }
      const leftover = await WebhookDelivery.deleteMany({ customerId: id });
      totals.webhookDeliveries += leftover.deletedCount;
      await deps.forgetQueuedJobs(id);
      await Block.updateMany({ customerId: customer._id }, { $unset: { customerName: 1 } });
      await VisitorToken.deleteMany({ customerId: customer._id });
      await Customer.deleteOne({ _id: customer._id });
      return totals;
    },
  };
}

export type CustomerData = ReturnType<typeof createCustomerData>;
