import type { Locale } from '../locales.js';

/**
 * A text that depends on a number, one form per CLDR plural category the
 * language uses (Russian needs one/few/many, Chinese only other). The number
 * is always the `count` parameter.
 */
export interface PluralText {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** A catalogue entry: a template with `{name}` placeholders, or plural forms of one. */
export type CatalogueText = string | PluralText;

/** A locale's texts: the same keys, with texts of the same shape, in every language. */
export type CatalogueShape = Readonly<Record<string, CatalogueText>>;

/** The placeholder names in a template literal type: `'Hi {name}'` gives `'name'`. */
export type Placeholders<T> = T extends string
  ? T extends `${string}{${infer Name}}${infer Rest}`
    ? Name | Placeholders<Rest>
    : never
  : T extends PluralText
    ? Placeholders<T[keyof T]> | 'count'
    : never;

/** Values a text needs: `count` is a number, everything else a string or number. */
export type ParamsOf<T> = [Placeholders<T>] extends [never]
  ? Record<string, never>
  : { readonly [K in Placeholders<T>]: K extends 'count' ? number : string | number };

export type PluralCategory = Intl.LDMLPluralRule;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let value = cache.get(locale);
  if (value === undefined) {
    value = make();
    cache.set(locale, value);
  }
  return value;
}

/** The CLDR plural category of a number in a language (`ru`: 1 → one, 2 → few, 5 → many, 21 → one). */
export function pluralCategory(locale: Locale, count: number): PluralCategory {
  return cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count);
}

/** The form of a plural text for a number; `other` when the language's form is missing. */
export function selectPlural(locale: Locale, text: PluralText, count: number): string {
  return text[pluralCategory(locale, count)] ?? text.other;
}

function formatValue(locale: Locale, value: string | number): string {
  return typeof value === 'number'
    ? cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value)
    : value;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}0-9]/u;

/** Han text on one side, a Latin word or a number on the other: Chinese typesetting puts a space between. */
const needsSpace = (a: string | undefined, b: string | undefined) =>
  a !== undefined &&
  b !== undefined &&
  ((HAN.test(a) && LATIN_OR_DIGIT.test(b)) || (LATIN_OR_DIGIT.test(a) && HAN.test(b)));

/**
 * A value set into Chinese text, spaced from the Han characters around it
 * when it begins or ends in Latin letters or digits ("Lei 正在为您服务"), and
 * left as it is when it is Chinese itself ("李雷正在为您服务"). Templates
 * cannot do it: they do not know which kind of name will come.
 */
function spacedForChinese(template: string, offset: number, placeholder: string, value: string): string {
  const before = needsSpace(template[offset - 1], value[0]) ? ' ' : '';
  const after = needsSpace(value[value.length - 1], template[offset + placeholder.length]) ? ' ' : '';
  return `${before}${value}${after}`;
}

/**
 * Fills a template's `{name}` placeholders; numbers are written the locale's
 * way. A placeholder without a value stays visible rather than vanishing, so a
 * missing parameter shows up in tests instead of as a silently broken sentence.
 */
export function interpolate(
  locale: Locale,
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  const chinese = locale.startsWith('zh');
  return template.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return whole;
    const text = formatValue(locale, value);
    return chinese ? spacedForChinese(template, offset, whole, text) : text;
  });
}

/**
 * "Label: value" as each language writes it: French puts a no-break space
 * before the colon, Chinese uses the full-width colon with no space.
 */
export function labelled(locale: Locale, label: string, value: string): string {
  if (locale === 'fr') return `${label}\u00a0: ${value}`;
  if (locale.startsWith('zh')) return `${label}：${value}`;
  return `${label}: ${value}`;
}

/** A catalogue text rendered with its parameters, choosing the plural form by `params.count`. */
export function formatText(
  locale: Locale,
  text: CatalogueText,
  params: Readonly<Record<string, string | number>>,
): string {
  if (typeof text === 'string') return interpolate(locale, text, params);
  const count = params.count;
  return interpolate(locale, selectPlural(locale, text, typeof count === 'number' ? count : Number(count)), params);
}

const CATEGORIES: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** Every form of a text: the template itself, or each plural form it defines. */
export function textForms(text: CatalogueText): string[] {
  if (typeof text === 'string') return [text];
  return CATEGORIES.flatMap((category) => {
    const form = text[category];
    return form === undefined ? [] : [form];
  });
}

/** The `{name}` placeholders a text uses, in all its forms (for tests and tooling). */
export function placeholdersOf(text: CatalogueText): string[] {
  const names = new Set<string>();
  for (const form of textForms(text)) {
    for (const match of form.matchAll(PLACEHOLDER)) if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names].sort();
}
