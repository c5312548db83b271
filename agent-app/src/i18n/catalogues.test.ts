import { SUPPORTED_LOCALES, type Locale } from '@switchboard/shared';
import {
  formatText,
  placeholdersOf,
  pluralCategory,
  textForms,
  type CatalogueShape,
  type CatalogueText,
} from '@switchboard/shared/i18n';
import { describe, expect, it } from 'vitest';
import { integrationsTextsEn } from '../supervisor/admin/integrations-texts-en.js';
import { consoleFrameEn } from '../supervisor/console-frame-texts-en.js';
import { fr } from './console/fr.js';
import { ru } from './console/ru.js';
import { zhHans } from './console/zh-Hans.js';
import { zhHant } from './console/zh-Hant.js';

/** The groups translated into every UI language: the console's frame and its integration screens. */
const GROUPS: Record<string, { en: CatalogueShape } & Record<Exclude<Locale, 'en'>, CatalogueShape>> = {
  frame: { en: consoleFrameEn, fr: fr.frame, ru: ru.frame, 'zh-Hans': zhHans.frame, 'zh-Hant': zhHant.frame },
  integrations: {
    en: integrationsTextsEn,
    fr: fr.integrations,
    ru: ru.integrations,
    'zh-Hans': zhHans.integrations,
    'zh-Hant': zhHant.integrations,
  },
};

/** The plural categories a language uses for whole numbers (every text here counts), and `other`. */
const integerCategories = (locale: Locale) =>
  new Set(['other', ...Array.from({ length: 201 }, (_, n) => pluralCategory(locale, n))]);

for (const [name, group] of Object.entries(GROUPS)) {
  const english = group.en as Record<string, CatalogueText>;
  describe(`the console's ${name} texts`, () => {
    it.each(SUPPORTED_LOCALES)('%s has exactly the English keys, with the same placeholders', (locale) => {
      const catalogue = group[locale] as Record<string, CatalogueText>;
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect({ key, names: placeholdersOf(text) }).toEqual({ key, names: placeholdersOf(english[key]!) });
      }
    });

    it.each(SUPPORTED_LOCALES)('%s: no empty text, and each plural text has every form the language uses', (locale) => {
      for (const [key, text] of Object.entries(group[locale] as Record<string, CatalogueText>)) {
        for (const form of textForms(text)) expect({ key, form: form.trim() }).toEqual({ key, form });
        for (const form of textForms(text)) expect(form.length, key).toBeGreaterThan(0);
        if (typeof text === 'string') continue;
        expect({ key, forms: Object.keys(text).sort() }).toEqual({ key, forms: [...integerCategories(locale)].sort() });
        for (const form of textForms(text)) expect(form, key).toContain('{count}');
      }
    });

    it('French puts a no-break space before ? ! : ; and inside « »', () => {
      for (const [key, text] of Object.entries(group.fr as Record<string, CatalogueText>)) {
        for (const form of textForms(text).map((each) => each.replace(/\{\w+\}/g, 'x'))) {
          // "https://" is an address, not a sentence's colon.
          const prose = form.replace(/https:\/\//g, '');
          expect({ key, bad: /[^\u00a0\u202f][?!:;»]|«[^\u00a0\u202f]/.test(prose) }).toEqual({ key, bad: false });
        }
      }
    });

    it('Chinese uses full-width punctuation, never an ASCII colon, comma or question mark', () => {
      for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
        for (const [key, text] of Object.entries(group[locale] as Record<string, CatalogueText>)) {
          for (const form of textForms(text)) {
            const prose = form.replace(/https:\/\/|docs\/[\w./-]+|REST API|API|RETENTION_DAYS/g, '');
            expect({ key, locale, bad: /[:?,;!()]/.test(prose) }).toEqual({ key, locale, bad: false });
          }
        }
      }
    });
  });
}

describe('counting in the integration screens', () => {
  const render = (locale: Locale, key: keyof typeof integrationsTextsEn, count: number) => {
    const group = GROUPS.integrations as Record<Locale, Record<string, CatalogueText>>;
    return formatText(locale, group[locale][key]!, { count, cutoff: 'x' });
  };

  it('says each number the way its language does', () => {
    expect([1, 2].map((count) => render('en', 'privacy.count.chats', count))).toEqual(['1 chat', '2 chats']);
    expect([1, 3, 5, 21].map((count) => render('ru', 'privacy.count.files', count))).toEqual([
      '1 файл',
      '3 файла',
      '5 файлов',
      '21 файл',
    ]);
    expect([0, 1, 2].map((count) => render('fr', 'privacy.count.chats', count))).toEqual([
      '0 discussion',
      '1 discussion',
      '2 discussions',
    ]);
    // A number inside Chinese text is set off by spaces, which the template does not carry.
    expect(render('zh-Hans', 'webhooks.failuresInRow', 3)).toBe('连续 3 次推送失败');
    expect(render('zh-Hant', 'privacy.count.messages', 12)).toBe('12 則訊息');
  });
});
