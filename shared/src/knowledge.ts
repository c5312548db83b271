import type { z } from 'zod';
import type { Locale } from './locales.js';
import type {
  knowledgeQuerySchema,
  cannedVariantSchema,
  cannedCreateSchema,
  cannedUpdateSchema,
  articleVariantSchema,
  articleCreateSchema,
  articleUpdateSchema,
} from './schemas/knowledge.js';

/**
 * A canned response in one language, as the desk gets it. The body may hold
 * variables the composer fills in: `{{customer.name}}` (as given),
 * `{{customer.firstName}}`, `{{agent.name}}`, `{{case.number}}`,
 * `{{customer.email}}`, `{{topic}}`; `{{customer.name|there}}` gives a
 * fallback when the value is unknown.
 */
export interface CannedResponseView {
  id: string;
  shortcut: string;
  locale: Locale;
  title: string;
  body: string;
}

/** A knowledge-base article in one language, as the desk gets it. */
export interface KbArticleView {
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  /** One or two sentences the agent can paste as a snippet. */
  summary: string;
  url: string;
  keywords: string[];
}

export type KnowledgeQuery = z.infer<typeof knowledgeQuerySchema>;

/** A canned response or an article as the console edits it, less its own key (shortcut or slug). */
interface AdminViewBase<Variant> {
  id: string;
  variants: Variant[];
  archived: boolean;
  updatedAt: string;
}

export type CannedVariant = z.infer<typeof cannedVariantSchema>;
export type CannedCreate = z.infer<typeof cannedCreateSchema>;
export type CannedUpdate = z.infer<typeof cannedUpdateSchema>;

/** A canned response with all its languages, as the console edits it. */
export interface CannedAdminView extends AdminViewBase<CannedVariant> {
  shortcut: string;
}

export type ArticleVariant = z.infer<typeof articleVariantSchema>;
export type ArticleCreate = z.infer<typeof articleCreateSchema>;
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;

/** A knowledge-base article with all its languages, as the console edits it. */
export interface ArticleAdminView extends AdminViewBase<ArticleVariant> {
  slug: string;
}
