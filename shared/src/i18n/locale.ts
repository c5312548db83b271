import { SUPPORTED_LOCALES, type Locale } from '../locales.js';

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** One BCP 47 tag to a supported locale, or undefined when we don't speak it. */
function matchTag(tag: string): Locale | undefined {
  const [language, ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  switch (language) {
    case 'en':
    case 'fr':
    case 'ru':
      return language;
    case 'zh': {
      // The script decides when it is given (zh-Hant-CN, zh-Hans-HK); otherwise the region does.
      if (rest.includes('hant')) return 'zh-Hant';
      if (rest.includes('hans')) return 'zh-Hans';
      return rest.some((part) => TRADITIONAL_REGIONS.has(part)) ? 'zh-Hant' : 'zh-Hans';
    }
    default:
      return undefined;
  }
}

/** The tags of an Accept-Language header, most preferred first. */
function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.split(';');
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/**
 * The supported locale for what a browser or host page says: a tag (`zh-TW`,
 * `fr-CA`, `ru_RU`), a list such as `navigator.languages`, or an
 * Accept-Language header. The first tag we speak wins; English otherwise.
 */
export function resolveLocale(input: string | readonly string[] | null | undefined): Locale {
  if (input === null || input === undefined) return 'en';
  const tags = typeof input === 'string' ? parseAcceptLanguage(input) : input;
  for (const tag of tags) {
    if ((SUPPORTED_LOCALES as readonly string[]).includes(tag)) return tag as Locale;
    const match = matchTag(tag);
    if (match !== undefined) return match;
  }
  return 'en';
}
