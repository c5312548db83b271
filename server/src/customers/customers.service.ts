import { randomBytes } from 'node:crypto';
import { AppError, type CustomerIdentity, type CustomerView, type Prechat } from '@switchboard/shared';
import type { Connection, Types } from 'mongoose';
import { customerLockKey } from '../conversations/conversation-lock.js';
import { isDuplicateKey } from '../infra/app-errors.js';
import type { DocumentLocks } from '../infra/document-lock.js';
import { customerModels } from './customer.model.js';
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

export function createCustomersService(mongo: Connection, locks: DocumentLocks, identitySecret: string | undefined) {
  const { Customer, VisitorToken } = customerModels(mongo);

  return {
    models: { Customer, VisitorToken },

    /** A new anonymous visitor and the token that resumes it (returned once, stored hashed). */
    async createAnonymous(
      prechat: Pick<Prechat, 'name' | 'email'>,
    ): Promise<{ customer: CustomerView; token: string }> {
      const customer = await Customer.create({
        identityKey: `a:${randomBytes(16).toString('hex')}`,
        verified: false,
        name: prechat.name,
        email: prechat.email,
      });
      const token = newVisitorToken();
      await VisitorToken.create({ tokenHash: hashVisitorToken(token), customerId: customer._id });
      return { customer: toCustomerView(customer), token };
    },

    async findByToken(token: string): Promise<CustomerView | null> {
      const record = await VisitorToken.findOne({ tokenHash: hashVisitorToken(token) }).lean();
      if (!record) return null;
      const customer = await Customer.findById(record.customerId).lean();
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
        const id = customer._id.toHexString();
        await locks.run(customerLockKey(id), () => Customer.updateOne({ _id: id }, { $set: contact }));
        customer = { ...customer, ...contact };
      }
      if (!customer) throw new AppError('INTERNAL', 'Customer vanished after insert.');
      return toCustomerView(customer);
    },

    /** Fills in name and email from the pre-chat form where we had none (never overwrites a verified identity's). */
    /**
     * An anonymous customer's new name and email from the pre-chat form (a
     * verified customer's come from the host and stay). Returns the customer
     * as stored afterwards, in the same command as the write when there is one.
     */
    async rememberContact(customerId: string, prechat: Pick<Prechat, 'name' | 'email'>): Promise<CustomerView | null> {
      const set: Record<string, string> = {};
      if (prechat.name) set.name = prechat.name;
      if (prechat.email) set.email = prechat.email;
      const stored =
        Object.keys(set).length === 0
          ? null
          : await locks.run(customerLockKey(customerId), () =>
              Customer.findOneAndUpdate(
                { _id: customerId, verified: false },
                { $set: set },
                { returnDocument: 'after' },
              ).lean(),
            );
      // Verified, or nothing to write: as it is.
      const customer = stored ?? (await Customer.findById(customerId).lean());
      return customer ? toCustomerView(customer) : null;
    },
  };
}
