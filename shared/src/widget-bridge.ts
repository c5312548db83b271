import type { z } from 'zod';
import type { customerIdentitySchema } from './schemas/identity.js';
import type {
  widgetPrefillSchema,
  widgetConfigSchema,
  hostToFrameMessageSchema,
  widgetChatMessageSchema,
  frameToHostMessageSchema,
} from './schemas/widget-bridge.js';

/**
 * The `postMessage` protocol between the loader on the host page and the
 * widget app in its iframe. Every message carries `source: 'switchboard'` and
 * the bridge version so both sides can drop other scripts' messages cheaply.
 *
 * The loader must stay under 3 KB gzip, so it imports only these constants
 * and types and checks the frame's messages by hand; the schemas
 * (`@switchboard/shared/schemas`) say what each message may hold.
 */
export const WIDGET_BRIDGE_SOURCE = 'switchboard';
/** Bumped when a message changes incompatibly; both sides drop other versions. */
export const WIDGET_BRIDGE_VERSION = 1;

export type WidgetPrefill = z.infer<typeof widgetPrefillSchema>;

export const WIDGET_POSITIONS = ['right', 'left'] as const;

export type WidgetConfig = z.infer<typeof widgetConfigSchema>;
export type HostToFrameMessage = z.infer<typeof hostToFrameMessageSchema>;
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

export type FrameToHostMessage = z.infer<typeof frameToHostMessageSchema>;

type WithoutEnvelope<T> = T extends unknown ? Omit<T, 'source' | 'v'> : never;
/** A message body before the envelope is added by the sender. */
export type HostToFrameBody = WithoutEnvelope<HostToFrameMessage>;
export type FrameToHostBody = WithoutEnvelope<FrameToHostMessage>;

/** The host page's API object, `window.Switchboard`. */
export interface SwitchboardApi {
  open(): void;
  close(): void;
  toggle(): void;
  /** Signed identity: `userHash = hex(HMAC-SHA256(secret, userId))` computed on the host's server. */
  identify(identity: z.input<typeof customerIdentitySchema>): void;
  /** `en`, `fr`, `ru`, `zh-Hans`/`zh-CN`, `zh-Hant`/`zh-TW`; other tags fall back to English. */
  setLocale(locale: string): void;
  prefill(fields: WidgetPrefill): void;
  /** Subscribes to a widget event; returns the unsubscribe function. */
  on<E extends WidgetEventName>(event: E, handler: (payload: WidgetEventPayloads[E]) => void): () => void;
}
