import { TRANSCRIPT_STATUSES, TRANSCRIPT_TRIGGERS, type TranscriptDeliveryView } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

const attemptSchema = new Schema(
  {
    at: { type: Date, required: true },
    outcome: { type: String, enum: ['sent', 'failed'], required: true },
    error: String,
  },
  { _id: false },
);

/**
 * The delivery log: one document per transcript request, which is also the
 * sent marker that makes a re-run of the job send nothing.
 */
const deliverySchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, required: true },
    /** `close` for the automatic one (at most one per conversation), a client or server id for requests. */
    requestId: { type: String, required: true },
    trigger: { type: String, enum: TRANSCRIPT_TRIGGERS, required: true },
    to: { type: String, required: true },
    status: { type: String, enum: TRANSCRIPT_STATUSES, required: true, default: 'queued' },
    attempts: { type: [attemptSchema], default: [] },
    messageId: { type: String, required: true },
    queuedAt: { type: Date, required: true },
    sentAt: Date,
    failedAt: Date,
  },
  { collection: 'transcript_deliveries' },
);
// One log entry per request: two processes closing or retrying the same request share it.
deliverySchema.index({ conversationId: 1, requestId: 1 }, { unique: true });

export type DeliveryDocument = InferSchemaType<typeof deliverySchema> & { _id: Types.ObjectId };

export function deliveryModel(connection: Connection): Model<InferSchemaType<typeof deliverySchema>> {
  return modelOn(connection, 'TranscriptDelivery', deliverySchema);
}

export function toDeliveryView(delivery: DeliveryDocument): TranscriptDeliveryView {
  // Entries are created by an upsert, which stores no empty array: a fresh one has no `attempts` yet.
  const attempts = (delivery.attempts as DeliveryDocument['attempts'] | undefined) ?? [];
  return {
    id: delivery._id.toHexString(),
    conversationId: delivery.conversationId.toHexString(),
    requestId: delivery.requestId,
    trigger: delivery.trigger,
    to: delivery.to,
    status: delivery.status,
    attempts: attempts.map((attempt) => ({
      at: attempt.at.toISOString(),
      outcome: attempt.outcome,
      ...(attempt.error ? { error: attempt.error } : {}),
    })),
    messageId: delivery.messageId,
    queuedAt: delivery.queuedAt.toISOString(),
    ...(delivery.sentAt ? { sentAt: delivery.sentAt.toISOString() } : {}),
    ...(delivery.failedAt ? { failedAt: delivery.failedAt.toISOString() } : {}),
  };
}
