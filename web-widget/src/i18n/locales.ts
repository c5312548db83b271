import type { Locale, SUPPORTED_LOCALES } from '@switchboard/shared';

/** The shared list, copied so the first chunk does not import ids.ts (and zod); typecheck keeps them equal. */
export const WIDGET_LOCALES: typeof SUPPORTED_LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'fr', 'ru'];

/** Names of the languages in themselves, for the language picker. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  fr: 'Français',
  ru: 'Русский',
};
