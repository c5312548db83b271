import type { Locale } from '@switchboard/shared';

/** What the loader draws and tells the frame, read from its script tag and `Switchboard('init', …)`. */
export interface LoaderSettings {
  /** The Switchboard server: the loader script's own origin. */
  server: string;
  siteKey: string;
  locale: Locale;
  position: 'right' | 'left';
  color: string | undefined;
}

/** Maps a BCP 47 tag to a supported locale; Chinese by script, or by region when the script is missing. */
export function normalizeLocale(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /hant|-tw|-hk|-mo/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  const base = lower.split(/[-_]/)[0];
  return base === 'en' || base === 'fr' || base === 'ru' ? base : undefined;
}

/**
 * The brand colour the admins saved: the server writes it (or nothing) over
 * this placeholder as it serves the loader (server/src/widget/widget.routes.ts).
 * Not a colour as built, so a loader served some other way keeps the snippet's.
 */
export const SERVED_BRAND = '__SB_BRAND__';

const HEX_COLOR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;

/**
 * Applies embed options over `settings`; unknown or malformed values are
 * ignored so a typo in a snippet never stops the launcher from appearing.
 */
export function applyOptions(settings: LoaderSettings, options: Record<string, unknown>): void {
  const { siteKey, locale, position, color } = options;
  if (typeof siteKey === 'string' && siteKey) settings.siteKey = siteKey;
  settings.locale = normalizeLocale(locale) ?? settings.locale;
  if (position === 'left' || position === 'right') settings.position = position;
  if (typeof color === 'string' && HEX_COLOR.test(color)) settings.color = color;
}

export function readSettings(script: HTMLScriptElement): LoaderSettings {
  const settings: LoaderSettings = {
    server: new URL(script.src).origin,
    siteKey: '',
    locale: normalizeLocale(document.documentElement.lang) ?? normalizeLocale(navigator.language) ?? 'en',
    position: 'right',
    color: undefined,
  };
  applyOptions(settings, script.dataset);
  return settings;
}

/**
 * The loader's only text, in every supported locale: the launcher's and
 * the frame's accessible name. The launcher is a disclosure button, so
 * `aria-expanded` says open or closed and one name per locale suffices.
 */
export const LABELS: Record<Locale, string> = {
  en: 'Support chat',
  fr: 'Chat d’assistance',
  ru: 'Чат поддержки',
  'zh-Hans': '在线客服',
  'zh-Hant': '線上客服',
};
