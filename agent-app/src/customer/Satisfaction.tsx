import type { ConversationSatisfaction, SatisfactionView } from '@switchboard/shared';
import { useEffect, useState } from 'react';
import { api } from '../api/rest.js';
import { t } from '../i18n/index.js';

/** Customers rate after the chat ends, often a little later: look again this often while none has come. */
export const RATING_REFRESH_MS = 15_000;

/** A 1–5 rating as stars the eye reads at once, with the number for screen readers. */
export function Stars({ rating }: { rating: number }) {
  return (
    <span className={`stars stars--${rating <= 2 ? 'low' : rating >= 4 ? 'high' : 'mid'}`}>
      <span aria-hidden="true">{'★'.repeat(rating) + '☆'.repeat(5 - rating)}</span>
      <span className="visually-hidden">{t('satisfaction.rating', { rating })}</span>
    </span>
  );
}

export function SatisfactionLine({ satisfaction }: { satisfaction: SatisfactionView }) {
  return (
    <span className="satisfaction__given">
      <Stars rating={satisfaction.rating} />
      {satisfaction.comment && <q className="satisfaction__comment">{satisfaction.comment}</q>}
    </span>
  );
}

/** The customer's rating seen from the desk: what they rated this chat, once it has ended. */
export function Satisfaction({ conversationId, closed }: { conversationId: string; closed: boolean }) {
  const [rated, setRated] = useState<SatisfactionView | null | undefined>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!closed) return;
    let live = true;
    api
      .get<ConversationSatisfaction>(`/api/conversations/${conversationId}/satisfaction`)
      .then((result) => {
        if (live) setRated(result.satisfaction);
      })
      .catch(() => {
        if (live) setRated(null);
      });
    return () => {
      live = false;
    };
  }, [conversationId, closed, version]);

  useEffect(() => {
    if (!closed || rated) return;
    const timer = setTimeout(() => {
      setVersion((n) => n + 1);
    }, RATING_REFRESH_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [closed, rated, version]);

  return (
    <div className="satisfaction">
      <span className="satisfaction__label">{t('satisfaction.heading')}</span>
      {!closed ? (
        <span className="muted">{t('satisfaction.stillOpen')}</span>
      ) : rated ? (
        <SatisfactionLine satisfaction={rated} />
      ) : (
        <span className="muted">{t('satisfaction.notYet')}</span>
      )}
    </div>
  );
}
