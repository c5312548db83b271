/** Languages with full text support (widget strings, system messages, emails). */
export const SUPPORTED_LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'fr', 'ru'] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];
