import { z } from 'zod';
import { localeSchema } from './ids.js';
import { SUPPORTED_LOCALES, type Locale } from '../locales.js';

/** A name people type (a `/shortcut`, a URL slug): lowercase letters, digits and dashes. */
const dashedNameSchema = (maxLength: number) =>
  z
    .string()
    .min(2)
    .max(maxLength)
    .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and - only');

/** Canned responses are found by `/shortcut`. */
export const cannedShortcutSchema = dashedNameSchema(32);

/** `GET /api/knowledge/canned?locale=` and `GET /api/knowledge/articles?locale=&q=`. */
export const knowledgeQuerySchema = z
  .object({
    locale: localeSchema.default('en'),
    q: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  })
  .strict();

/*
 * Administration: one canned response / article holds its variants for
 * every language; an admin edits them together. Archiving hides it from the
 * desk and keeps it (and its shortcut or slug) for restoring.
 */

const uniqueLocales = (variants: readonly { locale: Locale }[]) =>
  new Set(variants.map((v) => v.locale)).size === variants.length;

/** An item's variants: at least one, and one per language at most. */
const variantsSchema = <Variant extends z.ZodType<{ locale: Locale }>>(variant: Variant) =>
  z
    .array(variant)
    .min(1, 'at least one language')
    .max(SUPPORTED_LOCALES.length)
    .refine(uniqueLocales, 'one variant per language');

/** PATCH body of an item: any of its fields plus `archived`, at least one. */
const updateSchema = <Shape extends z.ZodRawShape>(fields: Shape) =>
  z
    .strictObject({ ...fields, archived: z.boolean() })
    .partial()
    .refine((changes) => Object.keys(changes).length > 0, 'change at least one field');

export const cannedVariantSchema = z.strictObject({
  locale: localeSchema,
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(4000),
});

const cannedVariantsSchema = variantsSchema(cannedVariantSchema);

/** POST /api/knowledge/canned. */
export const cannedCreateSchema = z.strictObject({ shortcut: cannedShortcutSchema, variants: cannedVariantsSchema });

/** PATCH /api/knowledge/canned/:id: any field; `variants` replaces them all; `archived: false` restores. */
export const cannedUpdateSchema = updateSchema({ shortcut: cannedShortcutSchema, variants: cannedVariantsSchema });

/** Article slugs are part of the article's URL. */
export const articleSlugSchema = dashedNameSchema(80);

export const articleVariantSchema = z.strictObject({
  locale: localeSchema,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(1000),
  url: z.url({ protocol: /^https?$/ }).max(2048),
  keywords: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
});

const articleVariantsSchema = variantsSchema(articleVariantSchema);

/** POST /api/knowledge/articles. */
export const articleCreateSchema = z.strictObject({ slug: articleSlugSchema, variants: articleVariantsSchema });

/** PATCH /api/knowledge/articles/:id: any field; `variants` replaces them all; `archived: false` restores. */
export const articleUpdateSchema = updateSchema({ slug: articleSlugSchema, variants: articleVariantsSchema });

/** `GET /api/knowledge/admin/canned` and `/articles`: archived ones too when asked. */
export const knowledgeAdminQuerySchema = z.strictObject({ archived: z.enum(['true', 'false']).optional() });
