import type { Locale } from '../locales.js';
import { formatText, type CatalogueShape, type ParamsOf, type Placeholders, type PluralText } from './format.js';

/**
 * Another language's version of a base catalogue: exactly the same keys (a
 * missing or extra key is a type error), plural where the base is plural.
 */
export type Catalogue<Base extends CatalogueShape> = {
  readonly [K in keyof Base]: Base[K] extends string ? string : PluralText;
};

/** One catalogue per supported locale. */
export type Catalogues<Base extends CatalogueShape> = Readonly<Record<Locale, Catalogue<Base>>>;

/** Parameters are required exactly when the base text has placeholders. */
export type TranslateArgs<T> = [Placeholders<T>] extends [never] ? [params?: ParamsOf<T>] : [params: ParamsOf<T>];

export type Translator<Base extends CatalogueShape> = <K extends keyof Base & string>(
  locale: Locale,
  key: K,
  ...args: TranslateArgs<Base[K]>
) => string;

/**
 * A type-safe `translate(locale, key, params)` over a set of catalogues. The
 * default texts use it; the widget builds its own UI catalogue the same way
 * (an `as const` English base plus `Catalogue<typeof base>` for the others).
 * Placeholder names are checked against the English base; tests check the
 * other languages use the same ones.
 */
export function createTranslator<Base extends CatalogueShape>(catalogues: Catalogues<Base>): Translator<Base> {
  return (locale, key, ...args) => {
    const params: Readonly<Record<string, string | number>> = args[0] ?? {};
    // Unknown locales can still arrive from untyped callers (old clients, stored data).
    const known: Locale = Object.hasOwn(catalogues, locale) ? locale : 'en';
    return formatText(known, catalogues[known][key], params);
  };
}
