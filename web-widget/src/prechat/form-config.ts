import type { PrechatFieldMode, PublicWidgetSettings } from '@switchboard/shared';

/** How the pre-chat form asks for each field (configured per deployment by its admins). */
export type FieldMode = PrechatFieldMode;
export type FormConfig = PublicWidgetSettings['fields'];

/**
 * Used when the settings cannot be fetched: the server's own defaults
 * (DEFAULT_WIDGET_SETTINGS in shared/), repeated here as plain data so the
 * first chunk does not pull in the shared schemas.
 */
export const DEFAULT_SETTINGS: PublicWidgetSettings = {
  fields: { name: 'required', email: 'required', topic: 'required', language: 'optional', region: 'optional' },
  colors: { brand: null },
  greeting: {},
  transcriptOffer: true,
};
