import { rankArticles, type CannedResponseView, type KbArticleView, type Locale } from '@switchboard/shared';
import type { Connection } from 'mongoose';
import { knowledgeModels, type ArticleDocument, type CannedDocument } from './knowledge.model.js';

/** The variant in `locale`, else English, else the first one there is. */
function pick<V extends { locale: string }>(variants: readonly V[], locale: Locale): V | undefined {
  return variants.find((v) => v.locale === locale) ?? variants.find((v) => v.locale === 'en') ?? variants[0];
}

export function toCannedView(doc: CannedDocument, locale: Locale): CannedResponseView | null {
  const variant = pick(doc.variants, locale);
  if (!variant) return null;
  return {
    id: doc._id.toHexString(),
    shortcut: doc.shortcut,
    locale: variant.locale,
    title: variant.title,
    body: variant.body,
  };
}

export function toArticleView(doc: ArticleDocument, locale: Locale): KbArticleView | null {
  const variant = pick(doc.variants, locale);
  if (!variant) return null;
  return {
    id: doc._id.toHexString(),
    slug: doc.slug,
    locale: variant.locale,
    title: variant.title,
    summary: variant.summary,
    url: variant.url,
    keywords: variant.keywords,
  };
}

const present = <T>(value: T | null): value is T => value !== null;

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;

/**
 * Canned responses and knowledge-base articles, read per locale. A deployment
 * has at most a few hundred of each, so they are read whole and, for
 * articles, ranked in memory (FerretDB v1 has no `$text`).
 */
export function createKnowledgeService(mongo: Connection) {
  const models = knowledgeModels(mongo);
  return {
    models,

    async canned(locale: Locale): Promise<CannedResponseView[]> {
      const docs = (await models.Canned.find({ archived: { $ne: true } })
        .sort({ shortcut: 1 })
        .limit(1000)
        .lean()) as CannedDocument[];
      return docs.map((doc) => toCannedView(doc, locale)).filter(present);
    },

    /** Every article in `locale`, or with a query the best matches first. */
    async articles(locale: Locale, query?: string, limit = 10): Promise<KbArticleView[]> {
      const docs = (await models.Article.find({ archived: { $ne: true } })
        .sort({ slug: 1 })
        .limit(2000)
        .lean()) as ArticleDocument[];
      const views = docs.map((doc) => toArticleView(doc, locale)).filter(present);
      if (query === undefined || query.trim() === '') return views.slice(0, limit);
      return rankArticles(views, query, limit).map(({ article }) => article);
    },
  };
}
