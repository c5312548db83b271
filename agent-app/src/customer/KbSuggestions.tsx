import { rankArticles } from '@switchboard/shared';
import { useDeferredValue, useMemo } from 'react';
import type { ChatState } from '../desk/desk-state.js';
import { t } from '../i18n/index.js';
import { useKnowledge } from '../knowledge/use-knowledge.js';

interface Props {
  chat: ChatState;
  /** The composer's text: suggestions follow what the agent types. */
  draft: string;
  onInsert: (text: string) => void;
}

/**
 * Articles for the case at hand, in the customer's language: ranked against
 * the agent's draft once it says something, otherwise against the customer's
 * last message ("type the case and the articles appear").
 */
export function KbSuggestions({ chat, draft, onInsert }: Props) {
  const { articles } = useKnowledge(chat.view.language);
  const lastCustomer = useMemo(
    () => chat.messages.findLast((message) => message.author.kind === 'customer')?.body ?? '',
    [chat.messages],
  );
  const typed = useDeferredValue(draft.startsWith('/') ? '' : draft);
  const fromDraft = typed.trim().length >= 3;
  const query = fromDraft ? typed : `${lastCustomer} ${chat.view.topic.replace(/-/g, ' ')}`;
  const ranked = useMemo(() => rankArticles(articles, query, 4), [articles, query]);

  return (
    <section className="panel kb" aria-labelledby="kb-heading">
      <h2 id="kb-heading" className="panel-heading">
        {t('kb.heading')}
      </h2>
      {ranked.length === 0 ? (
        <p className="muted">{t('kb.empty')}</p>
      ) : (
        <>
          <p className="kb__basis muted">{fromDraft ? t('kb.basedOnDraft') : t('kb.basedOnCustomer')}</p>
          <ul className="kb__list">
            {ranked.map(({ article }) => (
              <li key={article.id} className="kb__item">
                <a href={article.url} target="_blank" rel="noopener noreferrer" className="kb__title">
                  {article.title}
                </a>
                <p className="kb__summary">{article.summary}</p>
                <div className="kb__actions">
                  <button type="button" className="link-button" onClick={() => onInsert(article.url)}>
                    {t('kb.insertLink')}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onInsert(`${article.summary} ${article.url}`)}
                  >
                    {t('kb.insertSnippet')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
