import { z } from 'zod';
import { singleLineSchema } from './text.js';
import { WEBHOOK_EVENTS, WEBHOOK_DELIVERY_STATUSES } from '../webhooks.js';

/** An http(s) address a webhook is posted to; credentials in the URL are refused (they would show in logs). */
export const webhookUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address without credentials');

/** `POST /api/webhooks`: an endpoint to post events to. */
export const webhookEndpointCreateSchema = z
  .object({
    url: webhookUrlSchema,
    /** A name for people (shown in the console). */
    description: singleLineSchema(200).optional(),
    events: z
      .array(z.enum(WEBHOOK_EVENTS))
      .min(1)
      .max(WEBHOOK_EVENTS.length)
      .transform((events) => [...new Set(events)]),
    /** Internal notes go out as `message.created` too (they never reach the customer; your systems may want them). */
    includeInternalNotes: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict();

/** `PATCH /api/webhooks/:id`: any of the fields; `enabled: true` also clears an automatic disable. */
export const webhookEndpointUpdateSchema = z
  .object({
    url: webhookUrlSchema,
    description: singleLineSchema(200),
    events: webhookEndpointCreateSchema.shape.events,
    includeInternalNotes: z.boolean(),
    enabled: z.boolean(),
  })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'nothing to change');

/** `GET /api/webhooks/:id/deliveries` filters; `before` pages back from a delivery's creation time. */
export const webhookDeliveriesQuerySchema = z
  .object({
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
