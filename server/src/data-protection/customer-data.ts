import { AppError, type CustomerErased, type CustomerMatch } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { BlockQueries } from '../blocks/block-queries.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { TranscriptsService } from '../transcripts/transcripts.service.js';
import type { WebhookDeliveryQueries } from '../webhooks/webhook-delivery-queries.js';
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
  customers: Pick<CustomersService, 'recordOf' | 'customersWithEmail' | 'removeCustomer'>;
  conversations: Pick<
    ConversationsService,
    'withPrechatEmail' | 'countOfCustomer' | 'allOfCustomer' | 'statusesOfCustomer'
  >;
  messages: Pick<MessagesService, 'allOfConversation'>;
  transcripts: Pick<TranscriptsService, 'deliveryLogOf'>;
  blocks: BlockQueries;
  webhooks: Pick<WebhookDeliveryQueries, 'deliveriesOfCustomer' | 'removeDeliveriesOfCustomer'>;
  scrub: ConversationScrub;
  files: Pick<ConversationFiles, 'list'>;
  /** Forgets queued webhook jobs that carry this customer's data (Redis); returns how many. */
  forgetQueuedJobs: (customerId: string) => Promise<number>;
}) {
  const { customers, conversations: chats } = deps;

  async function requireCustomer(id: string) {
    const customer = Types.ObjectId.isValid(id) ? await customers.recordOf(id) : null;
    if (!customer) throw new AppError('NOT_FOUND', 'No such customer.');
    return customer;
  }

  return {
    async findByEmail(email: string): Promise<CustomerMatch[]> {
      const address = email.toLowerCase();
      // Addresses are stored as typed: compare without case, on a scan (a rare, admin-only call).
      const fromChats = await chats
        .withPrechatEmail()
        .then((found) =>
          found.filter((each) => each.prechat?.email?.toLowerCase() === address).map((each) => each.customerId),
        );
      const profiles = await customers
        .customersWithEmail()
        .then((found) => found.filter((each) => each.email?.toLowerCase() === address).map((each) => each._id));
      const ids = [...new Set([...fromChats, ...profiles].map((id) => id.toHexString()))];
      const matches = await Promise.all(
        ids.map(async (id): Promise<CustomerMatch | null> => {
          const customer = await customers.recordOf(id);
          if (!customer) return null;
          return {
            id,
            ...(customer.name ? { name: customer.name } : {}),
            ...(customer.email ? { email: customer.email } : {}),
            conversations: await chats.countOfCustomer(customer._id),
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
      const conversations = await chats.allOfCustomer(customer._id);
      const perConversation = await Promise.all(
        conversations.map(async (conversation) => ({
          ...(plain(conversation) as Record<string, unknown>),
          messages: plain(await deps.messages.allOfConversation(conversation._id)),
          transcriptDeliveries: plain(await deps.transcripts.deliveryLogOf(conversation._id)),
        })),
      );
      const { identityKey: _key, ...profile } = customer;
      return {
        exportedAt: new Date().toISOString(),
        customer: plain(profile),
        conversations: perConversation,
        visitorBlocks: plain(await deps.blocks.blocksOfCustomer(customer._id)),
        webhookDeliveries: plain(await deps.webhooks.deliveriesOfCustomer(id)),
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
      const conversations = await chats.statusesOfCustomer(customer._id);
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
      totals.webhookDeliveries += await deps.webhooks.removeDeliveriesOfCustomer(id);
      await deps.forgetQueuedJobs(id);
      await deps.blocks.forgetCustomerName(customer._id);
      await customers.removeCustomer(customer._id);
      return totals;
    },
  };
}

export type CustomerData = ReturnType<typeof createCustomerData>;
