import { BLOCK_KINDS } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

const actorSchema = new Schema({ id: String, name: String, role: String }, { _id: false });

/** A visitor or an address an agent blocked (the `blocks` feature). Lifted blocks stay, for the record. */
const blockSchema = new Schema(
  {
    kind: { type: String, enum: BLOCK_KINDS, required: true },
    customerId: { type: Schema.Types.ObjectId },
    address: { type: String },
    customerName: { type: String },
    conversationId: { type: Schema.Types.ObjectId },
    caseNumber: { type: String },
    reason: { type: String, required: true },
    by: { type: actorSchema, required: true },
    /** Null: until lifted. */
    expiresAt: { type: Date, default: null },
    liftedAt: { type: Date, default: null },
    liftedBy: { type: actorSchema },
  },
  { timestamps: true, collection: 'visitor_blocks' },
);
// Every process loads the blocks not lifted (a short list) into memory: that read is an equality on an index.
blockSchema.index({ liftedAt: 1 });

export type BlockDocument = InferSchemaType<typeof blockSchema> & { _id: Types.ObjectId; createdAt: Date };

export function blockModel(connection: Connection) {
  return modelOn(connection, 'VisitorBlock', blockSchema);
}
export type BlockModel = ReturnType<typeof blockModel>;
