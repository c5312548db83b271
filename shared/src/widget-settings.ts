import type { z } from 'zod';
import type { widgetSettingsSchema } from './schemas/widget-settings.js';

/** The pre-chat form's fields a deployment can configure (in the console). */
export const PRECHAT_FIELDS = ['name', 'email', 'topic', 'language', 'region'] as const;
export type PrechatField = (typeof PRECHAT_FIELDS)[number];

/** How the form asks for a field: must be filled, may be filled, or not shown at all. */
export const PRECHAT_FIELD_MODES = ['required', 'optional', 'hidden'] as const;
export type PrechatFieldMode = (typeof PRECHAT_FIELD_MODES)[number];

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
