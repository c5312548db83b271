import { describe, expect, it } from 'vitest';
import { rankArticles, stem, tokenize } from './knowledge-rank.js';

const article = (title: string, summary = '', keywords: string[] = []) => ({ title, summary, keywords });

describe('tokenize', () => {
  it('drops stop words and folds plurals, tenses and accents', () => {
    expect(tokenize('The batteries are draining')).toEqual([stem('batteries'), stem('draining')]);
    expect(stem('batteries')).toBe(stem('battery'));
    expect(stem('charging')).toBe(stem('charge'));
    expect(stem('écran')).toBe('ecran');
  });

  it('splits Chinese into characters and bigrams', () => {
    expect(tokenize('电池')).toEqual(['电', '电池', '池']);
  });

  it('folds Russian endings', () => {
    expect(stem('батареи')).toBe(stem('батарея'));
  });
});

describe('rankArticles', () => {
  const articles = [
    article('Reset your password', 'Use the sign-in page to reset it.', ['account', 'login']),
    article('Battery drains quickly', 'Check battery health and background apps.', ['battery', 'charge']),
    article('Phone will not charge', 'Try another cable and clean the port.', ['charging', 'cable']),
  ];

  it('puts the article that matches the customer best first', () => {
    const ranked = rankArticles(articles, 'my battery is draining so fast');
    expect(ranked[0]?.article.title).toBe('Battery drains quickly');
  });

  it('weights titles and keywords above the summary', () => {
    const ranked = rankArticles(articles, 'charging cable');
    expect(ranked[0]?.article.title).toBe('Phone will not charge');
    // "charge" is only a keyword of the battery article: it still matches, lower.
    expect(ranked.map((r) => r.article.title)).toEqual(['Phone will not charge', 'Battery drains quickly']);
  });

  it('returns nothing for an empty or unrelated query', () => {
    expect(rankArticles(articles, '')).toEqual([]);
    expect(rankArticles(articles, 'the and of')).toEqual([]);
    expect(rankArticles(articles, 'xylophone')).toEqual([]);
  });

  it('ranks Chinese text without spaces', () => {
    const zh = [article('重置密码', '在登录页面重置'), article('电池耗电快', '检查电池健康')];
    expect(rankArticles(zh, '我的电池很快没电')[0]?.article.title).toBe('电池耗电快');
  });

  it('keeps input order on ties and respects the limit', () => {
    const same = [article('Battery one'), article('Battery two'), article('Battery three')];
    expect(rankArticles(same, 'battery', 2).map((r) => r.article.title)).toEqual(['Battery one', 'Battery two']);
  });
});
