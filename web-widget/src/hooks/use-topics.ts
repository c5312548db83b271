import type { PublicTopic } from '@switchboard/shared';
import { useEffect, useState } from 'react';

/** `null` while loading; an empty list when the server offers none (the form then hides the field). */
export function useTopics(): PublicTopic[] | null {
  const [topics, setTopics] = useState<PublicTopic[] | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/public/topics', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<{ topics?: PublicTopic[] }>) : { topics: [] }))
      .then((body) => live && setTopics(Array.isArray(body.topics) ? body.topics : []))
      // No topics endpoint or no network: one general queue, the form still works.
      .catch(() => live && setTopics([]));
    return () => {
      live = false;
    };
  }, []);
  return topics;
}

/** A topic's label in the customer's language, else English, else its key. */
export function topicLabel(topic: PublicTopic, locale: keyof PublicTopic['labels']): string {
  return topic.labels[locale] ?? topic.labels.en ?? topic.key;
}
