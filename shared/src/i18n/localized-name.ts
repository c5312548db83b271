import type { Locale } from '../locales.js';

/** A name an admin gave in several languages (a department, a topic): any of them may be missing. */
export type LocalizedNames = Partial<Record<Locale, string>>;

/**
 * The name a reader of `locale` sees: theirs, else the default language's
 * (English, the language every catalogue starts from), else `fallback`.
 */
export function localizedName(names: LocalizedNames | null | undefined, locale: Locale, fallback: string): string {
  return names?.[locale] ?? names?.en ?? fallback;
}

/** The parameter key carrying a name in one language beside its default (`department:fr`; no dot, which stored maps refuse). */
export const localizedParam = (name: string, locale: Locale) => `${name}:${locale}`;
