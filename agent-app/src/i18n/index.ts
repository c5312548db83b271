import type { Locale } from '@switchboard/shared';
import {
  formatText,
  resolveLocale,
  type Catalogue,
  type CatalogueShape,
  type CatalogueText,
} from '@switchboard/shared/i18n';
import type { adminEn } from '../supervisor/admin/texts-en.js';
import type { integrationsTextsEn } from '../supervisor/admin/integrations-texts-en.js';
import type { consoleFrameEn } from '../supervisor/console-frame-texts-en.js';
import type { supervisorEn } from '../supervisor/texts-en.js';
import { en } from './en.js';

/*
 * The app's UI texts, in groups: each group is written in English (an
 * `as const` object) and translated whole or not at all, each translation
 * with exactly the English keys (`Catalogue<typeof en>`, as the widget's
 * catalogues). The UI speaks the browser's language where a group is
 * translated into it, English elsewhere: today the console's frame and its
 * integration screens are in every language, the rest in English only. The
 * desk's texts are here from the start; the console's join when its first
 * module loads (i18n/console.ts), so an agent who never opens the console
 * never downloads them. System messages in conversations come from
 * @switchboard/shared's renderSystemMessage in UI_LOCALE.
 */
export type TextKey =
  | keyof typeof en
  | keyof typeof supervisorEn
  | keyof typeof adminEn
  | keyof typeof consoleFrameEn
  | keyof typeof integrationsTextsEn;

/** The browser's first language the product speaks, else English. */
export const UI_LOCALE: Locale = typeof navigator === 'undefined' ? 'en' : resolveLocale(navigator.languages);

/** A group of texts: English, and the languages it is translated into (a missing one shows English). */
export type TextGroup<Base extends CatalogueShape> = { readonly en: Base } & Readonly<
  Partial<Record<Exclude<Locale, 'en'>, Catalogue<Base>>>
>;

/** Each text with the language it is written in, so plurals and numbers follow that language. */
const catalogue = new Map<string, { locale: Locale; text: CatalogueText }>();

/** Adds a group of texts to the catalogue, in the UI language when the group speaks it. */
export function addTexts<Base extends CatalogueShape>(group: TextGroup<Base>): void {
  const translated = UI_LOCALE === 'en' ? undefined : group[UI_LOCALE];
  const locale = translated ? UI_LOCALE : 'en';
  for (const [key, text] of Object.entries(translated ?? group.en)) catalogue.set(key, { locale, text });
}

addTexts({ en });

/** Whether `key` names a text (for keys built from data, such as an audit action). */
export const hasText = (key: string): key is TextKey => catalogue.has(key);

/** The text of `key` with its `{placeholders}` filled; a text that counts takes its form from `params.count`. */
export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const entry = catalogue.get(key);
  return entry ? formatText(entry.locale, entry.text, params) : key;
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
