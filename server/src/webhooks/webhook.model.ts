import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_DISABLED_REASONS, WEBHOOK_EVENTS } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

/**
 * An endpoint events are posted to. The secrets are kept as they are (not
 * hashed): every delivery is signed with them. A rotated-away secret signs
 * too until `previousSecretValidUntil`, so receivers can switch without a gap.
 */
const endpointSchema = new Schema(
  {
    url: { type: String, required: true },
    description: { type: String },
    events: { type: [{ type: String, enum: WEBHOOK_EVENTS }], required: true },
    includeInternalNotes: { type: Boolean, default: false },
    enabled: { type: Boolean, default: true },
    disabled: {
      type: new Schema(
        { reason: { type: String, enum: WEBHOOK_DISABLED_REASONS }, at: Date, failures: Number },
        { _id: false },
      ),
      default: null,
    },
    secret: { type: String, required: true },
    previousSecret: { type: String, default: null },
    previousSecretValidUntil: { type: Date, default: null },
    consecutiveFailures: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'webhook_endpoints' },
);

export type WebhookEndpointDocument = InferSchemaType<typeof endpointSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * One delivery (an event to one endpoint), written by the worker as it
 * tries: the endpoint's delivery log. `_id` is the delivery id receivers see.
 * `body` is kept for redelivery; the data-protection eraser scrubs it.
 */
const deliverySchema = new Schema(
  {
    _id: { type: String },
    /** A string, so the log's one query is an indexed string equality (FerretDB pushes those down). */
    endpointId: { type: String, required: true },
    event: { type: String, enum: WEBHOOK_EVENTS, required: true },
    conversationId: { type: String },
    customerId: { type: String },
    body: { type: String, required: true },
    status: { type: String, enum: WEBHOOK_DELIVERY_STATUSES, required: true },
    attempts: { type: Number, default: 0 },
    responseStatus: { type: Number },
    error: { type: String },
    latencyMs: { type: Number },
    lastAttemptAt: { type: Date },
    deliveredAt: { type: Date },
  },
  { timestamps: true, collection: 'webhook_deliveries' },
);
deliverySchema.index({ endpointId: 1, createdAt: -1 });
deliverySchema.index({ customerId: 1 });

export type WebhookDeliveryDocument = InferSchemaType<typeof deliverySchema> & { _id: string; createdAt: Date };

export function webhookModels(connection: Connection) {
  return {
    Endpoint: modelOn(connection, 'WebhookEndpoint', endpointSchema),
    Delivery: modelOn(connection, 'WebhookDelivery', deliverySchema),
  };
}
export type WebhookModels = ReturnType<typeof webhookModels>;
