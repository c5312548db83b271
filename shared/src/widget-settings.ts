import { z } from 'zod';
import { localeSchema } from './ids.js';
import { singleLineSchema } from './text.js';

/** The pre-chat form's fields a deployment can configure (W2, S4). */
export const PRECHAT_FIELDS = ['name', 'email', 'topic', 'language', 'region'] as const;
export type PrechatField = (typeof PRECHAT_FIELDS)[number];

/** How the form asks for a field: must be filled, may be filled, or not shown at all. */
export const PRECHAT_FIELD_MODES = ['required', 'optional', 'hidden'] as const;
export type PrechatFieldMode = (typeof PRECHAT_FIELD_MODES)[number];

const fieldMode = z.enum(PRECHAT_FIELD_MODES);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb');

/** A bare http(s) origin (`https://shop.example`), or `*` for any page. */
const embedOrigin = z
  .string()
  .max(200)
  .refine((value) => {
    if (value === '*') return true;
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://shop.example (scheme and host, no path or trailing slash), or *');

const widgetSettingsFields = {
  /**
   * Host pages that may embed the widget. Null: the deployment's
   * WIDGET_ALLOWED_ORIGINS. The server's own origin (its /demo) always may.
   */
  allowedOrigins: z.array(embedOrigin).max(100).nullable(),
  /** The pre-chat form: each field required, optional or hidden. */
  fields: z.strictObject({
    name: fieldMode,
    email: fieldMode,
    /** Hidden or optional without a choice: the chat goes to the `general` topic. */
    topic: fieldMode,
    /** The chat's language (routing matches advisors to it); it always has a value, so only hidden matters. */
    language: fieldMode,
    region: fieldMode,
  }),
  /** Brand colour of the header and buttons (null: the snippet's `data-color`, else Switchboard blue). */
  colors: z.strictObject({ brand: hexColor.nullable() }),
  /** The form's welcome line per language; a language without one gets the built-in text. */
  greeting: z.partialRecord(localeSchema, z.string().trim().min(1).max(300)),
  /** Whether the end screen offers "email me the transcript". */
  transcriptOffer: z.boolean(),
  /**
   * The brand customers know ("Nimbus Support"): the sender name of their
   * emails unless MAIL_FROM is set. Null: "Switchboard Support". Missing in a
   * `PUT` body counts as null, so older consoles keep working.
   */
  brandName: singleLineSchema(80).nullable().default(null),
};

/** The widget settings document as administrators read and write it (`PUT` replaces it whole). */
export const widgetSettingsSchema = z.strictObject(widgetSettingsFields);
export type WidgetSettings = z.infer<typeof widgetSettingsSchema>;

/** What an admin reads: the settings plus who changed them last and when. */
export interface WidgetSettingsView extends WidgetSettings {
  /** Null until an admin first saved them (the defaults are in effect). */
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
  /** The origins in effect when `allowedOrigins` is null (the deployment's WIDGET_ALLOWED_ORIGINS). */
  defaultAllowedOrigins: string[];
}

/** What the widget reads before it draws the form: no origins, no audit facts. */
export type PublicWidgetSettings = Pick<WidgetSettings, 'fields' | 'colors' | 'greeting' | 'transcriptOffer'>;

/** In effect until an admin saves settings: name and email required, region optional. */
export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  allowedOrigins: null,
  fields: { name: 'required', email: 'required', topic: 'required', language: 'optional', region: 'optional' },
  colors: { brand: null },
  greeting: {},
  transcriptOffer: true,
  brandName: null,
};
