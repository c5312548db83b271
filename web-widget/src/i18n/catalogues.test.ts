import { SUPPORTED_LOCALES } from '@switchboard/shared';
import { placeholdersOf, pluralCategory, type CatalogueText } from '@switchboard/shared/i18n';
import { describe, expect, it } from 'vitest';
import { translatorFor, WIDGET_TEXTS } from './index';

const en = WIDGET_TEXTS.en as Record<string, CatalogueText>;

describe('widget texts', () => {
  it('cover exactly the supported locales', () => {
    expect(Object.keys(WIDGET_TEXTS).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  for (const locale of SUPPORTED_LOCALES) {
    const catalogue = WIDGET_TEXTS[locale] as Record<string, CatalogueText>;
    it(`${locale}: same keys and placeholders as English, no empty text`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect(placeholdersOf(text), key).toEqual(placeholdersOf(en[key]!));
        expect(typeof text === 'string' ? text.trim() : text.other.trim(), key).not.toBe('');
      }
    });

    it(`${locale}: plural texts have every form the language uses`, () => {
      for (const [key, text] of Object.entries(catalogue)) {
        if (typeof text === 'string') continue;
        for (const count of [0, 1, 2, 3, 5, 11, 21, 22, 25]) {
          const category = pluralCategory(locale, count);
          expect(text[category] ?? (category === 'other' ? text.other : undefined), `${key} ${count}`).toBeDefined();
        }
      }
    });
  }

  it('renders Russian plurals and French spacing the native way', () => {
    const ru = translatorFor('ru');
    expect([1, 2, 5, 21].map((count) => ru('rating.stars', { count }))).toEqual([
      '1 звезда',
      '2 звезды',
      '5 звёзд',
      '21 звезда',
    ]);
    expect(translatorFor('fr')('end.confirmTitle')).toBe('Terminer cette discussion\u00a0?');
    expect(translatorFor('zh-Hant')('end.case', { caseNumber: 'SB-1' })).toBe('您的案例編號是 SB-1。');
  });
});
