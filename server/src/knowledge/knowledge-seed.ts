import type { Locale } from '@switchboard/shared';
import { isDuplicateKey } from '../infra/app-errors.js';
import type { Logger } from '../infra/logger.js';
import { articleUrl, DEMO_ARTICLES } from './demo-articles.js';
import { DEMO_CANNED } from './demo-canned.js';
import type { KnowledgeModels } from './knowledge.model.js';

const entries = <V>(record: Record<Locale, V>) => Object.entries(record) as [Locale, V][];

/**
 * Inserts the demo set while a collection is empty. Two processes starting
 * together may both try: the unique shortcut/slug index keeps one copy, and
 * the loser's duplicate-key errors are expected.
 */
export async function seedDemoKnowledge({ Canned, Article }: KnowledgeModels, logger: Logger): Promise<void> {
  const ignoreDuplicates = (error: unknown) => {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    if (isDuplicateKey(error) || writeErrors?.every(isDuplicateKey)) return;
    throw error;
  };
  if ((await Canned.estimatedDocumentCount()) === 0) {
    const docs = Object.entries(DEMO_CANNED).map(([shortcut, variants]) => ({
      shortcut,
      variants: entries(variants).map(([locale, [title, body]]) => ({ locale, title, body })),
    }));
    await Canned.insertMany(docs, { ordered: false }).catch(ignoreDuplicates);
    logger.info({ count: docs.length }, 'demo canned responses seeded');
  }
  if ((await Article.estimatedDocumentCount()) === 0) {
    const docs = Object.entries(DEMO_ARTICLES).map(([slug, variants]) => ({
      slug,
      variants: entries(variants).map(([locale, [title, summary, keywords]]) => ({
        locale,
        title,
        summary,
        url: articleUrl(locale, slug),
        keywords: keywords.split(' '),
      })),
    }));
    await Article.insertMany(docs, { ordered: false }).catch(ignoreDuplicates);
    logger.info({ count: docs.length }, 'demo knowledge-base articles seeded');
  }
}
