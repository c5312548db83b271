import type { Locale } from '@switchboard/shared';
import { en, type TextKey } from './en.js';

/*
 * The desk's UI texts. English only for now; another language is a file
 * beside en.ts typed as `Record<TextKey, string>` and an entry in CATALOGUES.
 * System messages in conversations come from @switchboard/shared's
 * renderSystemMessage in UI_LOCALE, so they match the rest of the UI.
 */
const CATALOGUES: Partial<Record<Locale, Record<TextKey, string>>> = { en };

export const UI_LOCALE: Locale = 'en';

export type { TextKey };

export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const text = CATALOGUES[UI_LOCALE]?.[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Customers' languages, named in the UI language (the agent reads them, not the customer). */
const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-Hans': 'Chinese (Simplified)',
  'zh-Hant': 'Chinese (Traditional)',
  fr: 'French',
  ru: 'Russian',
};

// Latin letters only: a tag must read the same whatever fonts the agent's machine has.
const LANGUAGE_TAGS: Record<Locale, string> = {
  en: 'EN',
  'zh-Hans': 'ZH-HANS',
  'zh-Hant': 'ZH-HANT',
  fr: 'FR',
  ru: 'RU',
};

export const languageName = (locale: Locale) => LANGUAGE_NAMES[locale];
export const languageTag = (locale: Locale) => LANGUAGE_TAGS[locale];

const timeFormat = new Intl.DateTimeFormat(UI_LOCALE, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(UI_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** Topics are stored as slugs (`iphone-battery`): shown as words, casing kept (no "Iphone"). */
export const topicLabel = (topic: string) => topic.replace(/[-_]+/g, ' ');
