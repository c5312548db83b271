import { AUTHOR_KINDS, SYSTEM_EVENTS } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

const messageSchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    clientMessageId: { type: String, required: true },
    author: {
      kind: { type: String, enum: AUTHOR_KINDS, required: true },
      id: String,
      displayName: String,
      avatarUrl: String,
    },
    /** Stored already masked: a card number or password never reaches the database. Empty: a file without caption. */
    body: { type: String, default: '' },
    internal: { type: Boolean, required: true, default: false },
    masked: { type: Boolean, required: true, default: false },
    system: { event: { type: String, enum: SYSTEM_EVENTS }, params: { type: Map, of: String } },
    /** The file the message carries, as it was when sent; `removed` once retention deleted it. */
    attachment: {
      type: new Schema(
        {
          id: { type: Schema.Types.ObjectId, required: true },
          name: { type: String, required: true },
          size: { type: Number, required: true },
          contentType: { type: String, required: true },
          kind: { type: String, enum: ['image', 'file'], required: true },
          width: Number,
          height: Number,
          removed: Boolean,
        },
        { _id: false },
      ),
      default: undefined,
    },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'messages' },
);
// A retried send finds its original through this index instead of storing twice.
messageSchema.index({ conversationId: 1, clientMessageId: 1 }, { unique: true });
// Catch-up and paging read by seq; unique as a last line of defence against reordering bugs.
messageSchema.index({ conversationId: 1, seq: 1 }, { unique: true });

export type MessageDocument = InferSchemaType<typeof messageSchema> & { _id: Types.ObjectId; createdAt: Date };

export function messageModel(connection: Connection): Model<InferSchemaType<typeof messageSchema>> {
  return modelOn(connection, 'Message', messageSchema);
}
