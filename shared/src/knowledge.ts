import { z } from 'zod';
import { localeSchema, SUPPORTED_LOCALES, type Locale } from './ids.js';

/** Canned responses are found by `/shortcut`: lowercase letters, digits and dashes. */
export const cannedShortcutSchema = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and - only');

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

/** `GET /api/knowledge/canned?locale=` and `GET /api/knowledge/articles?locale=&q=`. */
export const knowledgeQuerySchema = z
  .object({
    locale: localeSchema.default('en'),
    q: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  })
  .strict();
export type KnowledgeQuery = z.infer<typeof knowledgeQuerySchema>;

/*
 * Administration (S4): one canned response / article holds its variants for
 * every language; an admin edits them together. Archiving hides it from the
 * desk and keeps it (and its shortcut or slug) for restoring.
 */

const uniqueLocales = (variants: readonly { locale: Locale }[]) =>
  new Set(variants.map((v) => v.locale)).size === variants.length;

export const cannedVariantSchema = z.strictObject({
  locale: localeSchema,
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(4000),
});
export type CannedVariant = z.infer<typeof cannedVariantSchema>;

const cannedVariantsSchema = z
  .array(cannedVariantSchema)
  .min(1, 'at least one language')
  .max(SUPPORTED_LOCALES.length)
  .refine(uniqueLocales, 'one variant per language');

/** POST /api/knowledge/canned. */
export const cannedCreateSchema = z.strictObject({ shortcut: cannedShortcutSchema, variants: cannedVariantsSchema });
export type CannedCreate = z.infer<typeof cannedCreateSchema>;

/** PATCH /api/knowledge/canned/:id: any field; `variants` replaces them all; `archived: false` restores. */
export const cannedUpdateSchema = z
  .strictObject({ shortcut: cannedShortcutSchema, variants: cannedVariantsSchema, archived: z.boolean() })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'change at least one field');
export type CannedUpdate = z.infer<typeof cannedUpdateSchema>;

/** A canned response with all its languages, as the console edits it. */
export interface CannedAdminView {
  id: string;
  shortcut: string;
  variants: CannedVariant[];
  archived: boolean;
  updatedAt: string;
}

/** Article slugs are part of the article's URL: lowercase letters, digits and dashes. */
export const articleSlugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and - only');

export const articleVariantSchema = z.strictObject({
  locale: localeSchema,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(1000),
  url: z.url({ protocol: /^https?$/ }).max(2048),
  keywords: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
});
export type ArticleVariant = z.infer<typeof articleVariantSchema>;

const articleVariantsSchema = z
  .array(articleVariantSchema)
  .min(1, 'at least one language')
  .max(SUPPORTED_LOCALES.length)
  .refine(uniqueLocales, 'one variant per language');

/** POST /api/knowledge/articles. */
export const articleCreateSchema = z.strictObject({ slug: articleSlugSchema, variants: articleVariantsSchema });
export type ArticleCreate = z.infer<typeof articleCreateSchema>;

/** PATCH /api/knowledge/articles/:id: any field; `variants` replaces them all; `archived: false` restores. */
export const articleUpdateSchema = z
  .strictObject({ slug: articleSlugSchema, variants: articleVariantsSchema, archived: z.boolean() })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'change at least one field');
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;

/** A knowledge-base article with all its languages, as the console edits it. */
export interface ArticleAdminView {
  id: string;
  slug: string;
  variants: ArticleVariant[];
  archived: boolean;
  updatedAt: string;
}

/** `GET /api/knowledge/admin/canned` and `/articles`: archived ones too when asked. */
export const knowledgeAdminQuerySchema = z.strictObject({ archived: z.enum(['true', 'false']).optional() });
