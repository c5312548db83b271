import type { WebhookModels } from './webhook.model.js';

/**
 * What data protection reads and deletes of the webhook deliveries, so the
 * webhooks folder alone knows the collection's shape. Deliveries name
 * conversations and customers by their hex ids.
 */
export function createWebhookDeliveryQueries(Delivery: WebhookModels['Delivery']) {
  return {
    /** A customer's deliveries, without their bodies. */
    deliveriesOfCustomer: (customerId: string) => Delivery.find({ customerId }, { body: 0 }).lean(),

    /** Deletes a conversation's deliveries; how many went. */
    removeDeliveriesOfConversation: async (conversationId: string) =>
      (await Delivery.deleteMany({ conversationId })).deletedCount,

    /** Deletes a customer's deliveries; how many went. */
    removeDeliveriesOfCustomer: async (customerId: string) => (await Delivery.deleteMany({ customerId })).deletedCount,
  };
}

export type WebhookDeliveryQueries = ReturnType<typeof createWebhookDeliveryQueries>;
