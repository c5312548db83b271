import { z } from 'zod';
import { localeSchema } from './ids.js';
import { singleLineSchema } from './text.js';
import { PRECHAT_FIELD_MODES } from '../widget-settings.js';

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
