import type { CannedResponseView, KbArticleView, Locale } from '@switchboard/shared';
import { useEffect, useState } from 'react';
import { api } from '../api/rest.js';

interface Knowledge {
  canned: CannedResponseView[];
  articles: KbArticleView[];
}

const EMPTY: Knowledge = { canned: [], articles: [] };
const cache = new Map<Locale, Promise<Knowledge>>();

function load(locale: Locale): Promise<Knowledge> {
  let pending = cache.get(locale);
  if (!pending) {
    pending = Promise.all([
      api.get<{ canned: CannedResponseView[] }>(`/api/knowledge/canned?locale=${encodeURIComponent(locale)}`),
      api.get<{ articles: KbArticleView[] }>(`/api/knowledge/articles?locale=${encodeURIComponent(locale)}`),
    ]).then(([canned, articles]) => ({ canned: canned.canned, articles: articles.articles }));
    // A failed load is retried the next time a chat in that language opens.
    pending.catch(() => cache.delete(locale));
    cache.set(locale, pending);
  }
  return pending;
}

/**
 * Canned responses and articles in a customer's language, loaded once per
 * language per page: both lists are small, and ranking them in memory keeps
 * suggestions instant as the agent types.
 */
export function useKnowledge(locale: Locale): Knowledge {
  const [knowledge, setKnowledge] = useState<{ locale: Locale; value: Knowledge } | undefined>();
  useEffect(() => {
    let live = true;
    load(locale)
      .then((value) => {
        if (live) setKnowledge({ locale, value });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [locale]);
  return knowledge?.locale === locale ? knowledge.value : EMPTY;
}
