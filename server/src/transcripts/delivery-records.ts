import type { Types } from 'mongoose';
import type { deliveryModel } from './transcript-delivery.model.js';

type DeliveryModel = ReturnType<typeof deliveryModel>;

/**
 * The reads and deletes other folders make of the transcript delivery log
 * (reports, data protection), one query each, so the transcripts folder
 * alone knows the collection's shape.
 */
export function createDeliveryRecords(Delivery: DeliveryModel) {
  return {
    /** The finished deliveries (sent or failed) of these conversations, with their outcome. */
    finishedDeliveriesOf: (conversationIds: Types.ObjectId[]) =>
      Delivery.find(
        { conversationId: { $in: conversationIds }, status: { $in: ['sent', 'failed'] } },
        { conversationId: 1, status: 1 },
      ).lean(),

    /** One conversation's delivery log entries, whole. */
    deliveryLogOf: (conversationId: Types.ObjectId) => Delivery.find({ conversationId }).lean(),

    /** The message ids (the outbox files' names) of one conversation's transcript emails. */
    deliveryMessageIdsOf: (conversationId: Types.ObjectId) =>
      Delivery.find({ conversationId }, { messageId: 1 }).lean(),

    /** Deletes one conversation's delivery log. */
    async removeDeliveryLogOf(conversationId: Types.ObjectId): Promise<void> {
      await Delivery.deleteMany({ conversationId });
    },
  };
}

export type DeliveryRecords = ReturnType<typeof createDeliveryRecords>;
