import { ATTACHMENT_TYPE_NAMES } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

export const ATTACHMENT_STATUSES = ['receiving', 'ready', 'removed'] as const;

const attachmentSchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, required: true, index: true },
    uploader: {
      kind: { type: String, enum: ['customer', 'agent'], required: true },
      id: { type: String, required: true },
    },
    uploadId: { type: String, required: true },
    name: { type: String, required: true },
    /** Declared at prepare; the stored size once ready. */
    size: { type: Number, required: true },
    internal: { type: Boolean, required: true, default: false },
    status: { type: String, enum: ATTACHMENT_STATUSES, required: true },
    /** The upload attempt writing now: of two attempts of one upload, only the latest may finish it. */
    attempt: { type: String, required: true },
    contentType: { type: String, enum: ATTACHMENT_TYPE_NAMES },
    kind: { type: String, enum: ['image', 'file'] },
    width: Number,
    height: Number,
    /** Keys in the file store. */
    files: { original: String, thumbnail: String },
    /** The message that carries it (set once, by the first send naming it). */
    messageId: { type: Schema.Types.ObjectId, default: null },
    readyAt: Date,
    removedAt: Date,
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'attachments' },
);
// The retention job walks files by age.
attachmentSchema.index({ status: 1, createdAt: 1 });

export type AttachmentDocument = InferSchemaType<typeof attachmentSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
};

export function attachmentModel(connection: Connection): Model<InferSchemaType<typeof attachmentSchema>> {
  return modelOn(connection, 'Attachment', attachmentSchema);
}
