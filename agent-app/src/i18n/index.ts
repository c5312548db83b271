import type { Locale } from '@switchboard/shared';
import type { adminEn } from '../supervisor/admin/texts-en.js';
import type { integrationsTextsEn } from '../supervisor/admin/integrations-texts-en.js';
import type { supervisorEn } from '../supervisor/texts-en.js';
import { en } from './en.js';

/*
 * The app's UI texts. English only for now; another language is a file
 * beside en.ts with the same keys. The desk's texts are here from the start;
 * the console's join when its first module loads (i18n/console.ts), so an
 * agent who never opens the console never downloads them. System messages in
 * conversations come from @switchboard/shared's renderSystemMessage in
 * UI_LOCALE, so they match the rest of the UI.
 */
export type TextKey =
  keyof typeof en | keyof typeof supervisorEn | keyof typeof adminEn | keyof typeof integrationsTextsEn;

const catalogue: Partial<Record<TextKey, string>> = { ...en };

export const UI_LOCALE: Locale = 'en';

/** Adds texts to the catalogue (the console's, when it loads). */
export function addTexts(texts: Partial<Record<TextKey, string>>): void {
  Object.assign(catalogue, texts);
}

/** Whether `key` names a text (for keys built from data, such as an audit action). */
export const hasText = (key: string): key is TextKey => key in catalogue;

export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const text = catalogue[key] ?? key;
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
