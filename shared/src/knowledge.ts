import { z } from 'zod';
import { localeSchema, type Locale } from './ids.js';

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
