import type { Types } from 'mongoose';
import type { deliveryModel } from './transcript-delivery.model.js';

type DeliveryModel = ReturnType<typeof deliveryModel>;

/**
 * The worker's writes to a request's delivery log entry, the sent marker of
 * the exactly-once send (transcript.worker.ts). None touches an entry already
 * marked sent, so a stale or repeated run never unmarks a sent email.
 */
export function createDeliveryLog(Delivery: DeliveryModel) {
  const unlessSent = (id: Types.ObjectId) => ({ _id: id, status: { $ne: 'sent' as const } });

  return {
    /** The entry of one request (null: it was never logged). */
    entryOf: (conversationId: string, requestId: string) => Delivery.findOne({ conversationId, requestId }).lean(),

    /** Nothing to send any more (the conversation is gone). */
    async abandoned(id: Types.ObjectId): Promise<void> {
      await Delivery.updateOne(unlessSent(id), { $set: { status: 'failed', failedAt: new Date() } });
    },

    /** The mail server refused this attempt; `gaveUp`: no attempt follows. */
    async refused(id: Types.ObjectId, error: string, gaveUp: boolean): Promise<void> {
      await Delivery.updateOne(unlessSent(id), {
        $set: gaveUp ? { status: 'failed', failedAt: new Date() } : { status: 'retrying' },
        $push: { attempts: { at: new Date(), outcome: 'failed', error } },
      });
    },

    /** The mail server accepted it. */
    async sent(id: Types.ObjectId): Promise<void> {
      await Delivery.updateOne(unlessSent(id), {
        $set: { status: 'sent', sentAt: new Date() },
        $push: { attempts: { at: new Date(), outcome: 'sent' } },
      });
    },
  };
}

export type DeliveryLog = ReturnType<typeof createDeliveryLog>;
