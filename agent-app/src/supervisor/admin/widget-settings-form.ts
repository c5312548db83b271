import {
  SUPPORTED_LOCALES,
  type Locale,
  type PrechatField,
  type PrechatFieldMode,
  type WidgetSettings,
} from '@switchboard/shared';
import type { FormError } from './admin-request.js';

/** What the colour picker starts from when an admin first picks a colour of their own (Switchboard blue). */
export const SWITCHBOARD_BLUE = '#2f5fb3';

/** The widget settings as the form edits them: text the admin types, turned into the PUT body by {@link toWidgetSettingsBody}. */
export interface WidgetSettingsDraft {
  /** One origin per line; empty means "the deployment default" (null). */
  origins: string;
  fields: Record<PrechatField, PrechatFieldMode>;
  /** False: the snippet's `data-color` (null on the wire); `brand` is kept so switching back and forth loses nothing. */
  ownBrand: boolean;
  brand: string;
  greeting: Record<Locale, string>;
  transcriptOffer: boolean;
  /** Empty: no brand name (emails come from "Switchboard Support"). */
  brandName: string;
}

export function toWidgetSettingsDraft(view: WidgetSettings): WidgetSettingsDraft {
  return {
    origins: (view.allowedOrigins ?? []).join('\n'),
    fields: { ...view.fields },
    ownBrand: view.colors.brand !== null,
    brand: view.colors.brand ?? SWITCHBOARD_BLUE,
    greeting: Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, view.greeting[locale] ?? ''])) as Record<
      Locale,
      string
    >,
    transcriptOffer: view.transcriptOffer,
    brandName: view.brandName ?? '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The PUT body: the whole document, since PUT replaces it. Nothing is
 * validated here beyond splitting text and dropping empty greetings (the
 * widget then shows its built-in one); the server's VALIDATION_FAILED names
 * what is wrong.
 */
export function toWidgetSettingsBody(draft: WidgetSettingsDraft): WidgetSettings {
  const origins = lines(draft.origins);
  const greeting: WidgetSettings['greeting'] = {};
  for (const locale of SUPPORTED_LOCALES) {
    const text = draft.greeting[locale].trim();
    if (text) greeting[locale] = text;
  }
  return {
    allowedOrigins: origins.length === 0 ? null : origins,
    fields: { ...draft.fields },
    colors: { brand: draft.ownBrand ? draft.brand.trim() : null },
    greeting,
    transcriptOffer: draft.transcriptOffer,
    brandName: draft.brandName.trim() === '' ? null : draft.brandName.trim(),
  };
}

/**
 * The server names a refused origin by its index (`allowedOrigins.2`), which
 * means nothing to someone looking at a text area: show the origin itself.
 */
export function describeWidgetSettingsError(
  error: FormError | undefined,
  sent: WidgetSettings | undefined,
): FormError | undefined {
  if (!error) return undefined;
  const fields = error.fields.map((field) => {
    const index = /^allowedOrigins\.(\d+)$/.exec(field.path)?.[1];
    const origin = index === undefined ? undefined : sent?.allowedOrigins?.[Number(index)];
    return origin === undefined ? field : { ...field, path: origin };
  });
  return { ...error, fields };
}
