import { z } from 'zod';
import { singleLineSchema, webUrlSchema } from './text.js';
import { customerIdentitySchema } from './identity.js';
import { localeSchema } from './ids.js';
import { WIDGET_BRIDGE_SOURCE, WIDGET_BRIDGE_VERSION, WIDGET_POSITIONS } from '../widget-bridge.js';

const envelope = {
  source: z.literal(WIDGET_BRIDGE_SOURCE),
  v: z.literal(WIDGET_BRIDGE_VERSION),
};

/** Fields a host page may fill in the pre-chat form in advance. */
export const widgetPrefillSchema = z
  .object({
    name: singleLineSchema(100).optional(),
    email: z.email().max(254).optional(),
    topic: singleLineSchema(100).optional(),
    region: singleLineSchema(64).optional(),
  })
  .strict();

/** The embed settings the loader read from its script tag (or `Switchboard('init', …)`). */
export const widgetConfigSchema = z
  .object({
    siteKey: z.string().min(1).max(128),
    locale: localeSchema,
    position: z.enum(WIDGET_POSITIONS),
    /** Brand colour as `#rgb` / `#rrggbb`, so the app can match the launcher. */
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/)
      .optional(),
    /** The page the customer opened the chat from (the desk's customer panel shows it). */
    pageUrl: webUrlSchema.optional(),
    pageTitle: z.string().max(300).optional(),
  })
  .strict();

/** Messages the host page (loader) sends to the widget frame. */
export const hostToFrameMessageSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('open') }).strict(),
  z.object({ ...envelope, type: z.literal('close') }).strict(),
  z.object({ ...envelope, type: z.literal('identify'), identity: customerIdentitySchema }).strict(),
  z.object({ ...envelope, type: z.literal('setLocale'), locale: localeSchema }).strict(),
  z.object({ ...envelope, type: z.literal('prefill'), fields: widgetPrefillSchema }).strict(),
  z.object({ ...envelope, type: z.literal('config'), config: widgetConfigSchema }).strict(),
]);

/** A new chat message, as host pages see it through `Switchboard.on('message', …)`. */
export const widgetChatMessageSchema = z
  .object({
    author: z.enum(['agent', 'customer', 'system']),
    text: z.string().max(10_000),
  })
  .strict();

/** Messages the widget frame sends to the host page (loader). */
export const frameToHostMessageSchema = z.discriminatedUnion('type', [
  /** The app is listening; the loader then sends config, identity, prefill and state. */
  z.object({ ...envelope, type: z.literal('ready') }).strict(),
  /** What the launcher shows: the unread badge, and whether the app considers itself open. */
  z.object({ ...envelope, type: z.literal('state'), open: z.boolean(), unread: z.number().int().min(0) }).strict(),
  z
    .object({ ...envelope, type: z.literal('event'), name: z.literal('message'), data: widgetChatMessageSchema })
    .strict(),
  /** The app's close button or Escape pressed inside the frame. */
  z.object({ ...envelope, type: z.literal('requestClose') }).strict(),
]);
