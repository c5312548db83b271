import { AppError, type CustomerIdentity, type CustomerView, type Prechat } from '@switchboard/shared';
import type { Connection, Types } from 'mongoose';
import { isDuplicateKey } from '../infra/app-errors.js';
import { createModelInserts } from '../infra/batched-inserts.js';
import { customerModels } from './customer.model.js';
import { createCustomerQueries } from './customer-queries.js';
import { isValidUserHash } from './identity.js';
import { hashVisitorToken, newVisitorToken } from './visitor-token.js';

/** Who a customer socket belongs to; set by the handshake or by the first conversation.start. */
export interface CustomerPrincipal {
  id: string;
  verified: boolean;
}

interface CustomerFields {
  _id: Types.ObjectId;
  verified: boolean;
  name?: string | null;
  email?: string | null;
}

export function toCustomerView(customer: CustomerFields): CustomerView {
  return {
    id: customer._id.toHexString(),
    verified: customer.verified,
    ...(customer.name ? { name: customer.name } : {}),
    ...(customer.email ? { email: customer.email } : {}),
  };
}

export type CustomersService = ReturnType<typeof createCustomersService>;

/** An anonymous visitor's identity: the hash of the token only they hold (`t:`; earlier visitors have `a:` and a token record). */
const tokenIdentityKey = (token: string) => `t:${hashVisitorToken(token)}`;

export function createCustomersService(mongo: Connection, identitySecret: string | undefined) {
  const { Customer, VisitorToken } = customerModels(mongo);
  // Many visitors start at once: their documents share insert commands.
  const newCustomers = createModelInserts(Customer);
  /** Visitors created before the token hash was their identity key have a token record instead. */
  const findByLegacyToken = async (token: string) => {
    const record = await VisitorToken.findOne({ tokenHash: hashVisitorToken(token) }).lean();
    return record ? Customer.findById(record.customerId).lean() : null;
  };

  /** The customer with the pre-chat form's name and email, written when they changed (anonymous customers only). */
  async function withContact<T extends CustomerFields>(
    current: T,
    prechat: Pick<Prechat, 'name' | 'email'>,
  ): Promise<T> {
    const set: Record<string, string> = {};
    if (prechat.name && prechat.name !== current.name) set.name = prechat.name;
    if (prechat.email && prechat.email !== current.email) set.email = prechat.email;
    if (current.verified || Object.keys(set).length === 0) return current;
    const updated = await Customer.findOneAndUpdate(
      { _id: current._id, verified: false },
      { $set: set },
      { returnDocument: 'after' },
    ).lean();
    return (updated as T | null) ?? current;
  }

  return {
    ...createCustomerQueries({ Customer, VisitorToken }),

    /**
     * A new anonymous visitor and the token that resumes it (returned once,
     * stored only as the hash that is the visitor's identity key: one insert,
     * and a resume is one look-up on the unique index); `liveConversationId`
     * points them at the chat the caller is about to create.
     */
    async createAnonymous(
      prechat: Pick<Prechat, 'name' | 'email'>,
      options: { liveConversationId?: Types.ObjectId } = {},
    ): Promise<{ customer: CustomerView; token: string }> {
      const token = newVisitorToken();
      const customer = await newCustomers.insert({
        identityKey: tokenIdentityKey(token),
        verified: false,
        ...(prechat.name ? { name: prechat.name } : {}),
        ...(prechat.email ? { email: prechat.email } : {}),
        ...(options.liveConversationId ? { liveConversationId: options.liveConversationId } : {}),
      });
      return { customer: toCustomerView(customer as CustomerFields), token };
    },

    async findByToken(token: string): Promise<CustomerView | null> {
      const customer =
        (await Customer.findOne({ identityKey: tokenIdentityKey(token) }).lean()) ?? (await findByLegacyToken(token));
      return customer ? toCustomerView(customer) : null;
    },

    /**
     * Resolves a host-signed identity to its verified customer, creating it on
     * first sight. Only the signed userId grants access; name and email are
     * the host's unsigned hints and are stored as contact details only.
     */
    async identify(identity: CustomerIdentity): Promise<CustomerView> {
      if (!identitySecret || !isValidUserHash(identitySecret, identity.userId, identity.userHash)) {
        throw new AppError('IDENTITY_INVALID', 'The identity signature is not valid.');
      }
      const identityKey = `u:${identity.userId}`;
      const contact = {
        ...(identity.name ? { name: identity.name } : {}),
        ...(identity.email ? { email: identity.email } : {}),
      };
      let customer = await Customer.findOne({ identityKey }).lean();
      if (!customer) {
        try {
          customer = (await Customer.create({ identityKey, verified: true, ...contact })).toObject();
        } catch (error) {
          // Two first connections at once: the unique index lets one insert win; read the winner's.
          if (!isDuplicateKey(error)) throw error;
          customer = await Customer.findOne({ identityKey }).lean();
        }
      } else if (
        (contact.name && contact.name !== customer.name) ||
        (contact.email && contact.email !== customer.email)
      ) {
        await Customer.updateOne({ _id: customer._id }, { $set: contact });
        customer = { ...customer, ...contact };
      }
      if (!customer) throw new AppError('INTERNAL', 'Customer vanished after insert.');
      return toCustomerView(customer);
    },

    /**
     * An anonymous customer's new name and email from the pre-chat form (a
     * verified customer's come from the host and stay). Returns the customer
     * as stored afterwards and their live chat pointer (so a chat start reads
     * the customer once); writes only when something changed.
     */
    async rememberContact(
      customerId: string,
      prechat: Pick<Prechat, 'name' | 'email'>,
    ): Promise<{ customer: CustomerView; liveConversationId: Types.ObjectId | null } | null> {
      const current = await Customer.findById(customerId).lean();
      if (!current) return null;
      const stored = await withContact(current, prechat);
      return { customer: toCustomerView(stored), liveConversationId: stored.liveConversationId ?? null };
    },

    /**
     * A returning customer with no live chat (theirs closed, the common case)
     * points at the chat about to start and is read in the same write, then
     * gets their new contact details as {@link rememberContact} would. Null
     * when they have a live chat pointer (another tab's chat, or one to check):
     * the caller takes the longer way through `rememberContact`.
     */
    async claimLiveChat(
      customerId: string,
      conversationId: Types.ObjectId,
      prechat: Pick<Prechat, 'name' | 'email'>,
    ): Promise<CustomerView | null> {
      const before = await Customer.findOneAndUpdate(
        { _id: customerId, liveConversationId: null },
        { $set: { liveConversationId: conversationId } },
        { returnDocument: 'before' },
      ).lean();
      return before ? toCustomerView(await withContact(before, prechat)) : null;
    },
  };
}
