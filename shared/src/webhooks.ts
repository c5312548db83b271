import type { z } from 'zod';
import type {
  webhookEndpointCreateSchema,
  webhookEndpointUpdateSchema,
  webhookDeliveriesQuerySchema,
} from './schemas/webhooks.js';

/**
 * What an outbound webhook can be told. Messages are customers' and agents'
 * lines (system lines never; internal notes only to endpoints that ask).
 */
export const WEBHOOK_EVENTS = [
  'conversation.started',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.closed',
  'message.created',
  'conversation.rated',
  'offline-message.left',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export type WebhookEndpointCreate = z.infer<typeof webhookEndpointCreateSchema>;
export type WebhookEndpointUpdate = z.infer<typeof webhookEndpointUpdateSchema>;

/** Why an endpoint is off: an admin turned it off, or it kept failing. */
export const WEBHOOK_DISABLED_REASONS = ['admin', 'failing'] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

/** An endpoint as admins see it: never its secret, which is shown once (create, rotate). */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description?: string;
  events: WebhookEvent[];
  includeInternalNotes: boolean;
  enabled: boolean;
  /** Set while it is off: `failing` means Switchboard turned it off after failed deliveries in a row. */
  disabled?: { reason: WebhookDisabledReason; at: string; failures?: number };
  /** Deliveries that failed for good in a row (reset by a success). */
  consecutiveFailures: number;
  /** Until then a secret rotated away still signs deliveries too. */
  previousSecretValidUntil?: string;
  createdAt: string;
  updatedAt: string;
}

/** The create and rotate answers: the signing secret, shown this once. */
export interface WebhookEndpointWithSecret {
  endpoint: WebhookEndpointView;
  secret: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One entry of an endpoint's delivery log. */
export interface WebhookDeliveryView {
  /** Also the `Switchboard-Delivery` header: receivers deduplicate on it (a redelivery carries the same). */
  id: string;
  endpointId: string;
  event: WebhookEvent;
  conversationId?: string;
  status: WebhookDeliveryStatus;
  /** HTTP attempts so far (every redelivery adds its own). */
  attempts: number;
  /** The receiver's last HTTP status; absent when it never answered. */
  responseStatus?: number;
  /** The last failure in words (timeout, connection refused, HTTP 503…). */
  error?: string;
  latencyMs?: number;
  createdAt: string;
  lastAttemptAt?: string;
  deliveredAt?: string;
}

export type WebhookDeliveriesQuery = z.infer<typeof webhookDeliveriesQuerySchema>;

/** The JSON body of every webhook POST. */
export interface WebhookPayload<D = Record<string, unknown>> {
  /** The delivery id (same as the `Switchboard-Delivery` header). */
  id: string;
  event: WebhookEvent;
  /** When the event happened (ISO 8601). */
  occurredAt: string;
  data: D;
}
