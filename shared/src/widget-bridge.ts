import { z } from 'zod';
import { singleLineSchema, webUrlSchema } from './text.js';
import { customerIdentitySchema } from './identity.js';
import { localeSchema } from './ids.js';

/**
 * The `postMessage` protocol between the loader on the host page and the
 * widget app in its iframe. Every message carries `source: 'switchboard'` and
 * the bridge version so both sides can drop other scripts' messages cheaply.
 *
 * The loader must stay under 3 KB gzip, so it does not import this module at
 * run time: it checks the frame's messages by hand and only imports the types.
 * The iframe app validates with these schemas.
 */
export const WIDGET_BRIDGE_SOURCE = 'switchboard';
/** Bumped when a message changes incompatibly; both sides drop other versions. */
export const WIDGET_BRIDGE_VERSION = 1;

const envelope = {
  source: z.literal(WIDGET_BRIDGE_SOURCE),
  v: z.literal(WIDGET_BRIDGE_VERSION),
};

/** Fields a host page may fill in the pre-chat form in advance (W2). */
export const widgetPrefillSchema = z
  .object({
    name: singleLineSchema(100).optional(),
    email: z.email().max(254).optional(),
    topic: singleLineSchema(100).optional(),
    region: singleLineSchema(64).optional(),
  })
  .strict();
export type WidgetPrefill = z.infer<typeof widgetPrefillSchema>;

export const WIDGET_POSITIONS = ['right', 'left'] as const;

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
    /** The page the customer opened the chat from (A4). */
    pageUrl: webUrlSchema.optional(),
    pageTitle: z.string().max(300).optional(),
  })
  .strict();
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

/** Messages the host page (loader) sends to the widget frame. */
export const hostToFrameMessageSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('open') }).strict(),
  z.object({ ...envelope, type: z.literal('close') }).strict(),
  z.object({ ...envelope, type: z.literal('identify'), identity: customerIdentitySchema }).strict(),
  z.object({ ...envelope, type: z.literal('setLocale'), locale: localeSchema }).strict(),
  z.object({ ...envelope, type: z.literal('prefill'), fields: widgetPrefillSchema }).strict(),
  z.object({ ...envelope, type: z.literal('config'), config: widgetConfigSchema }).strict(),
]);
export type HostToFrameMessage = z.infer<typeof hostToFrameMessageSchema>;

/** A new chat message, as host pages see it through `Switchboard.on('message', …)`. */
export const widgetChatMessageSchema = z
  .object({
    author: z.enum(['agent', 'customer', 'system']),
    text: z.string().max(10_000),
  })
  .strict();
export type WidgetChatMessage = z.infer<typeof widgetChatMessageSchema>;

/**
 * Events host pages subscribe to. `opened` and `closed` are raised by the
 * loader itself (it owns the panel's visibility); the frame sends `message`.
 */
export const WIDGET_EVENTS = ['opened', 'closed', 'message'] as const;
export type WidgetEventName = (typeof WIDGET_EVENTS)[number];
export interface WidgetEventPayloads {
  opened: undefined;
  closed: undefined;
  message: WidgetChatMessage;
}

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
export type FrameToHostMessage = z.infer<typeof frameToHostMessageSchema>;

type WithoutEnvelope<T> = T extends unknown ? Omit<T, 'source' | 'v'> : never;
/** A message body before the envelope is added by the sender. */
export type HostToFrameBody = WithoutEnvelope<HostToFrameMessage>;
export type FrameToHostBody = WithoutEnvelope<FrameToHostMessage>;

/** The host page's API object, `window.Switchboard` (W8). */
export interface SwitchboardApi {
  open(): void;
  close(): void;
  toggle(): void;
  /** Signed identity (X3): `userHash = hex(HMAC-SHA256(secret, userId))` computed on the host's server. */
  identify(identity: z.input<typeof customerIdentitySchema>): void;
  /** `en`, `fr`, `ru`, `zh-Hans`/`zh-CN`, `zh-Hant`/`zh-TW`; other tags fall back to English. */
  setLocale(locale: string): void;
  prefill(fields: WidgetPrefill): void;
  /** Subscribes to a widget event; returns the unsubscribe function. */
  on<E extends WidgetEventName>(event: E, handler: (payload: WidgetEventPayloads[E]) => void): () => void;
}
