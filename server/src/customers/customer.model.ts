import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

const customerSchema = new Schema(
  {
    /**
     * `u:<userId>` for customers identified by the host site, `t:<SHA-256 of
     * their visitor token>` for anonymous visitors (`a:<random>` for visitors
     * created before, whose token is in `visitor_tokens`): always present, so
     * one plain unique index covers all (FerretDB v1 has no partial indexes),
     * and a visitor's token finds them through it.
     */
    identityKey: { type: String, required: true, unique: true },
    verified: { type: Boolean, required: true, default: false },
    name: { type: String },
    email: { type: String },
    /** The one queued or active conversation, claimed atomically so a visitor never has two live chats. */
    liveConversationId: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, collection: 'customers' },
);

export type CustomerDocument = InferSchemaType<typeof customerSchema> & { _id: Types.ObjectId };

/**
 * Visitor tokens of visitors created before the token hash became their
 * identity key, stored only as SHA-256 hashes; a leaked database cannot
 * resume anyone's chat.
 */
const visitorTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    customerId: { type: Schema.Types.ObjectId, required: true, index: true },
  },
  { timestamps: true, collection: 'visitor_tokens' },
);

export function customerModels(connection: Connection) {
  return {
    Customer: modelOn(connection, 'Customer', customerSchema),
    VisitorToken: modelOn(connection, 'VisitorToken', visitorTokenSchema),
  };
}
