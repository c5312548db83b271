/*
 * Knowledge-base suggestions ranked in memory: FerretDB v1 has no `$text`, and
 * a deployment's articles per locale are a few hundred at most, so the desk
 * (and the server) load them once and score them here. BM25-lite over
 * stemmed tokens, titles and keywords weighted above the summary; CJK text
 * has no spaces, so it is split into character bigrams.
 */

export interface RankableArticle {
  title: string;
  summary: string;
  keywords: readonly string[];
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const STOP_WORDS = new Set(
  'a an and are as at be but by can do does for from have how i in is it my me no not of on or so that the this to was what when where which why with you your le la les de des du un une et est pour pas je mon ma mes il elle que qui en au aux ce cette и в не на что я как с по у мой моя это'.split(
    ' ',
  ),
);
// Longest first, so "ations" is stripped before "s". Enough to fold plurals and common verb forms.
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ers', 'er', 'ed', 'es', 'ly', 's', 'e'];
const RU_SUFFIXES = [
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ой',
  'ей',
  'ий',
  'ый',
  'ая',
  'яя',
  'ое',
  'ее',
  'ов',
  'ев',
  'ах',
  'ях',
  'ом',
  'ем',
  'ы',
  'и',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'о',
];

/** Folds a word to a crude stem: plural and tense endings off, accents off. */
export function stem(word: string): string {
  let plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  // battery / batteries → batteri, as Porter does.
  if (plain.length > 4) plain = plain.replace(/(ies|y)$/, 'i');
  const suffixes = /[а-яё]/.test(plain) ? RU_SUFFIXES : SUFFIXES;
  for (const suffix of suffixes) {
    if (plain.length - suffix.length >= 3 && plain.endsWith(suffix)) return plain.slice(0, -suffix.length);
  }
  return plain;
}

/** Search tokens of a text: stemmed words, and bigrams (plus single characters) of CJK runs. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (CJK.test(run)) {
      const chars = Array.from(run);
      for (let i = 0; i < chars.length; i += 1) {
        const char = chars[i] ?? '';
        tokens.push(char);
        const next = chars[i + 1];
        if (next !== undefined) tokens.push(char + next);
      }
    } else if (!STOP_WORDS.has(run) && run.length > 1) {
      tokens.push(stem(run));
    }
  }
  return tokens;
}

interface Indexed<T> {
  item: T;
  terms: Map<string, number>;
  length: number;
}

const TITLE_WEIGHT = 3;
const KEYWORD_WEIGHT = 3;
const K1 = 1.2;
const B = 0.75;

function index<T extends RankableArticle>(item: T): Indexed<T> {
  const terms = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const token of tokenize(text)) terms.set(token, (terms.get(token) ?? 0) + weight);
  };
  add(item.title, TITLE_WEIGHT);
  add(item.keywords.join(' '), KEYWORD_WEIGHT);
  add(item.summary, 1);
  let length = 0;
  for (const count of terms.values()) length += count;
  return { item, terms, length };
}

/**
 * The articles that best match `query`, best first, with their scores; only
 * articles sharing at least one term with the query. Ties keep input order.
 */
export function rankArticles<T extends RankableArticle>(
  articles: readonly T[],
  query: string,
  limit = 5,
): { article: T; score: number }[] {
  const queryTerms = [...new Set(tokenize(query))];
  if (queryTerms.length === 0 || articles.length === 0) return [];
  const indexed = articles.map(index);
  const averageLength = indexed.reduce((sum, doc) => sum + doc.length, 0) / indexed.length || 1;
  const idf = new Map(
    queryTerms.map((term) => {
      const having = indexed.filter((doc) => doc.terms.has(term)).length;
      return [term, Math.log(1 + (indexed.length - having + 0.5) / (having + 0.5))];
    }),
  );
  return indexed
    .map((doc, position) => {
      let score = 0;
      for (const term of queryTerms) {
        const tf = doc.terms.get(term) ?? 0;
        if (tf === 0) continue;
        score += ((idf.get(term) ?? 0) * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / averageLength));
      }
      return { article: doc.item, score, position };
    })
    .filter((ranked) => ranked.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map(({ article, score }) => ({ article, score }));
}
