import type { Locale } from '@switchboard/shared';

/** Names of the languages in themselves, for the language picker. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  fr: 'Français',
  ru: 'Русский',
};
