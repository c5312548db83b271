import type { Types } from 'mongoose';
import type { customerModels } from './customer.model.js';

type CustomerModels = ReturnType<typeof customerModels>;

/**
 * The reads and writes other folders make of customers (conversations,
 * pre-chat checks, transcripts, data protection), one query each, so the customers folder
 * alone knows the collection's shape.
 */
export function createCustomerQueries({ Customer, VisitorToken }: CustomerModels) {
  return {
    /** The stored customer, whole; null for an unknown id. */
    recordOf: (customerId: string) => Customer.findById(customerId).lean(),

    /** Every customer with an email on their profile, with that email only. */
    customersWithEmail: () => Customer.find({ email: { $exists: true } }, { email: 1 }).lean(),

    /** Deletes a customer's visitor tokens, then the customer. */
    async removeCustomer(customerId: Types.ObjectId): Promise<void> {
      await VisitorToken.deleteMany({ customerId });
      await Customer.deleteOne({ _id: customerId });
    },

    /** Identity and contact details of many customers in one query (unknown ids are left out). */
    contactsOf: (ids: string[]) => Customer.find({ _id: { $in: ids } }, { verified: 1, name: 1, email: 1 }).lean(),

    /** Where a transcript may go: the customer's address and whether the host vouches for it. */
    transcriptAddressOf: (customerId: Types.ObjectId) =>
      Customer.findById(customerId, { email: 1, verified: 1 }).lean(),

    /** The customer's live chat pointer as stored; null for an unknown customer. */
    livePointerOf: (customerId: string) => Customer.findById(customerId, { liveConversationId: 1 }).lean(),

    /** Moves the live chat pointer from `from` to `to` if it still is `from`; true when it moved. */
    async moveLivePointer(customerId: string, from: Types.ObjectId | null, to: Types.ObjectId): Promise<boolean> {
      const moved = await Customer.updateOne(
        { _id: customerId, liveConversationId: from },
        { $set: { liveConversationId: to } },
      );
      return moved.matchedCount === 1;
    },

    /** Clears the live chat pointer if it still points at this (closed) conversation. */
    async releaseLivePointer(customerId: Types.ObjectId, conversationId: Types.ObjectId): Promise<void> {
      await Customer.updateOne(
        { _id: customerId, liveConversationId: conversationId },
        { $set: { liveConversationId: null } },
      );
    },
  };
}

export type CustomerQueries = ReturnType<typeof createCustomerQueries>;
