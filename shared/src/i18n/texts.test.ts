import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../locales.js';
import { pluralCategory } from './format.js';
import { queuePositionText, translate, waitEstimateText } from './texts.js';

describe('plural forms', () => {
  it.each([
    [1, 'one', 'Перед вами в очереди 1 человек.', 'Ожидание займёт примерно 1 минуту.'],
    [2, 'few', 'Перед вами в очереди 2 человека.', 'Ожидание займёт примерно 2 минуты.'],
    [5, 'many', 'Перед вами в очереди 5 человек.', 'Ожидание займёт примерно 5 минут.'],
    [11, 'many', 'Перед вами в очереди 11 человек.', 'Ожидание займёт примерно 11 минут.'],
    [21, 'one', 'Перед вами в очереди 21 человек.', 'Ожидание займёт примерно 21 минуту.'],
    [22, 'few', 'Перед вами в очереди 22 человека.', 'Ожидание займёт примерно 22 минуты.'],
    [25, 'many', 'Перед вами в очереди 25 человек.', 'Ожидание займёт примерно 25 минут.'],
  ] as const)('ru %i is %s', (count, category, ahead, wait) => {
    expect(pluralCategory('ru', count)).toBe(category);
    expect(translate('ru', 'queue.ahead', { count })).toBe(ahead);
    expect(translate('ru', 'queue.wait.minutes', { count })).toBe(wait);
  });

  it('has one and other in English and French (French counts 0 and 1 as one)', () => {
    expect(translate('en', 'queue.ahead', { count: 1 })).toBe("There's 1 person ahead of you.");
    expect(translate('en', 'queue.ahead', { count: 3 })).toBe('There are 3 people ahead of you.');
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(translate('fr', 'queue.ahead', { count: 2 })).toBe('Il y a 2 personnes avant vous.');
  });

  it.each(['zh-Hans', 'zh-Hant'] as const)('%s has no plural variation', (locale) => {
    for (const n of [0, 1, 2, 5, 11, 21, 100]) expect(pluralCategory(locale, n)).toBe('other');
    expect(translate(locale, 'queue.ahead', { count: 1 }).replace('1', '5')).toBe(
      translate(locale, 'queue.ahead', { count: 5 }),
    );
  });

  it('writes numbers the locale way', () => {
    expect(translate('en', 'queue.ahead', { count: 1200 })).toBe('There are 1,200 people ahead of you.');
    expect(translate('fr', 'queue.ahead', { count: 1200 })).toBe('Il y a 1\u202f200 personnes avant vous.');
  });
});

describe('queue texts', () => {
  it('says "you\'re next" at the front and counts the people ahead otherwise', () => {
    expect(queuePositionText('en', 1)).toBe("You're next — an advisor will be with you in a moment.");
    expect(queuePositionText('en', 0)).toBe(queuePositionText('en', 1));
    expect(queuePositionText('en', 2)).toBe("There's 1 person ahead of you.");
    expect(queuePositionText('ru', 4)).toBe('Перед вами в очереди 3 человека.');
    expect(queuePositionText('zh-Hant', 6)).toBe('您前面還有 5 位客戶。');
  });

  it.each([
    [undefined, "We can't estimate the wait right now, but an advisor will be with you as soon as possible."],
    [null, "We can't estimate the wait right now, but an advisor will be with you as soon as possible."],
    [Number.NaN, "We can't estimate the wait right now, but an advisor will be with you as soon as possible."],
    [0, 'The wait should be less than a minute.'],
    [59, 'The wait should be less than a minute.'],
    [60, 'The wait is about 1 minute.'],
    [7 * 60 + 10, 'The wait is about 7 minutes.'],
    [89 * 60, 'The wait is about 89 minutes.'],
    [150 * 60, 'The wait is about 3 hours.'],
  ])('estimates %s seconds', (seconds, text) => {
    expect(waitEstimateText('en', seconds)).toBe(text);
  });

  it.each(SUPPORTED_LOCALES)('%s has every queue text', (locale) => {
    for (const seconds of [undefined, 30, 600, 7200]) expect(waitEstimateText(locale, seconds)).not.toMatch(/[{}]/);
    expect(translate(locale, 'queue.keepOpen').length).toBeGreaterThan(0);
  });
});

describe('translate', () => {
  it('checks keys and parameters at compile time', () => {
    // @ts-expect-error unknown key
    expect(() => translate('en', 'no.such.key')).toThrow();
    // @ts-expect-error missing the agentName parameter
    expect(translate('en', 'system.assigned')).toBe("You're now chatting with {agentName}.");
    // @ts-expect-error count must be a number
    translate('en', 'queue.ahead', { count: '3' });
    expect(translate('en', 'system.requeued')).toContain('another advisor');
  });

  it('falls back to English for a locale it does not know', () => {
    // @ts-expect-error an untyped caller with an unsupported locale
    expect(translate('de', 'system.idleNudge')).toBe(translate('en', 'system.idleNudge'));
  });
});
