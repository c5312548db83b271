import type { CannedResponseView, KbArticleView, Locale } from '@switchboard/shared';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../api/rest.js';

interface Knowledge {
  canned: CannedResponseView[];
  articles: KbArticleView[];
}

const EMPTY: Knowledge = { canned: [], articles: [] };
const cache = new Map<Locale, Promise<Knowledge>>();
/** Bumped whenever the cache is dropped, so mounted suggestions load again. */
let generation = 0;
const listeners = new Set<() => void>();

/**
 * Drops what was loaded: the server said canned responses or articles changed
 * (`knowledge.changed`), or the desk reconnected and may have missed that.
 */
export function forgetKnowledge(): void {
  cache.clear();
  generation += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

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
 * language (again after {@link forgetKnowledge}): both lists are small, and
 * ranking them in memory keeps suggestions instant as the agent types.
 */
export function useKnowledge(locale: Locale): Knowledge {
  const [knowledge, setKnowledge] = useState<{ locale: Locale; value: Knowledge } | undefined>();
  const loadedGeneration = useSyncExternalStore(subscribe, () => generation);
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
  }, [locale, loadedGeneration]);
  // Until the new load lands, the previous lists stay on screen rather than flashing empty.
  return knowledge?.locale === locale ? knowledge.value : EMPTY;
}
