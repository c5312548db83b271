import { describe, expect, it } from 'vitest';
import { resolveLocale } from './locale.js';

describe('resolveLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-hans-cn', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['fr-CA', 'fr'],
    ['fr-BE', 'fr'],
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['RU-ru', 'ru'],
    ['de-DE', 'en'],
    ['', 'en'],
    ['x-klingon', 'en'],
  ])('maps %j to %s', (input, locale) => {
    expect(resolveLocale(input)).toBe(locale);
  });

  it('takes the first supported entry of a preference list', () => {
    expect(resolveLocale(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(resolveLocale(['pt-BR', 'es'])).toBe('en');
    expect(resolveLocale([])).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(resolveLocale(null)).toBe('en');
  });

  it('reads an Accept-Language header by quality', () => {
    expect(resolveLocale('de-DE,de;q=0.9,zh-TW;q=0.8,en;q=0.7')).toBe('zh-Hant');
    expect(resolveLocale('en;q=0.5, ru-RU')).toBe('ru');
    expect(resolveLocale('fr;q=0, en')).toBe('en');
    expect(resolveLocale('*')).toBe('en');
  });
});
