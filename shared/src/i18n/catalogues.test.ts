import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type Locale } from '../locales.js';
import { SYSTEM_EVENTS } from '../messages.js';
import { pluralCategory, placeholdersOf, textForms, type CatalogueText } from './format.js';
import { DEFAULT_TEXTS, renderSystemMessage, translate } from './texts.js';

const keys = Object.keys(DEFAULT_TEXTS.en).sort();
const entries = (locale: Locale): [string, CatalogueText][] => Object.entries(DEFAULT_TEXTS[locale]);

/** The categories a language uses for whole numbers (all our texts count), plus the required fallback. */
function integerCategories(locale: Locale): Set<string> {
  return new Set(['other', ...Array.from({ length: 201 }, (_, n) => pluralCategory(locale, n))]);
}

describe('default text catalogues', () => {
  it.each(SUPPORTED_LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(DEFAULT_TEXTS[locale]).sort()).toEqual(keys);
  });

  it.each(SUPPORTED_LOCALES)('%s uses the same placeholders as English in every text', (locale) => {
    for (const [key, text] of entries(locale)) {
      const base = DEFAULT_TEXTS.en[key as keyof typeof DEFAULT_TEXTS.en];
      expect({ key, names: placeholdersOf(text) }).toEqual({ key, names: placeholdersOf(base) });
    }
  });

  it.each(SUPPORTED_LOCALES)('%s gives every plural text each form the language needs, each with {count}', (locale) => {
    for (const [key, text] of entries(locale)) {
      const englishIsPlural = typeof DEFAULT_TEXTS.en[key as keyof typeof DEFAULT_TEXTS.en] !== 'string';
      expect({ key, plural: typeof text !== 'string' }).toEqual({ key, plural: englishIsPlural });
      if (typeof text === 'string') continue;
      expect({ key, forms: Object.keys(text).sort() }).toEqual({ key, forms: [...integerCategories(locale)].sort() });
      for (const form of textForms(text)) expect(form).toContain('{count}');
    }
  });

  it.each(SUPPORTED_LOCALES)('%s has no empty or untrimmed text', (locale) => {
    for (const [, text] of entries(locale)) {
      for (const form of textForms(text)) {
        expect(form.trim()).toBe(form);
        expect(form.length).toBeGreaterThan(0);
      }
    }
  });

  it('uses French no-break spaces before two-part punctuation', () => {
    for (const [key, text] of entries('fr')) {
      for (const form of textForms(text)) {
        expect({ key, bad: /[^\u00a0\u202f][?!:;»]/.test(form.replace(/\{\w+\}/g, 'x')) }).toEqual({ key, bad: false });
      }
    }
  });

  it('speaks as an advisor would: a kind check-in, a greeting by name', () => {
    expect(translate('en', 'system.idleNudge')).toBe("Are you still there? I'm here whenever you're ready.");
    expect(translate('en', 'greeting.agent', { customerName: 'Marie', agentName: 'Lei' })).toMatch(
      /^Hi Marie, I'm Lei — /,
    );
  });
});

describe('renderSystemMessage', () => {
  const variants: Record<string, string>[] = [
    {},
    { agentName: 'Lei' },
    { department: 'iPhone' },
    { caseNumber: 'SB-2026-000123' },
    { caseNumber: 'SB-2026-000123', summaryEmailed: 'true' },
    { agentName: 'Lei', department: 'iPhone', caseNumber: 'SB-2026-000123', summaryEmailed: 'true' },
  ];

  for (const locale of SUPPORTED_LOCALES) {
    it.each(SYSTEM_EVENTS)(`${locale}: %s renders fully with any parameters`, (event) => {
      for (const params of variants) {
        const text = renderSystemMessage(event, params, locale);
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text).not.toMatch(/[{}]/);
      }
    });
  }

  it('names the agent and the team', () => {
    expect(renderSystemMessage('conversation.assigned', { agentName: 'Lei' }, 'en')).toBe(
      "You're now chatting with Lei.",
    );
    expect(renderSystemMessage('conversation.assigned', { agentName: 'Анна' }, 'ru')).toBe('Вас консультирует Анна.');
    expect(renderSystemMessage('conversation.transferred', { department: 'Mac' }, 'fr')).toContain('notre équipe Mac.');
    expect(renderSystemMessage('agent.joined', { agentName: '李雷' }, 'zh-Hans')).toBe('李雷已加入对话。');
  });

  it('mentions the emailed summary and case number only when there is one', () => {
    const withSummary = { caseNumber: 'SB-2026-000123', summaryEmailed: 'true' };
    for (const locale of SUPPORTED_LOCALES) {
      for (const event of ['conversation.closed', 'customer.idle-close'] as const) {
        expect(renderSystemMessage(event, withSummary, locale)).toContain('SB-2026-000123');
        expect(renderSystemMessage(event, { caseNumber: 'SB-2026-000123' }, locale)).not.toContain('SB-2026-000123');
      }
    }
  });
});
