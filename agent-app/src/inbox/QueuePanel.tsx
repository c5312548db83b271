import { AppError } from '@switchboard/shared';
import { useState } from 'react';
import { useDeskClient, useDeskState } from '../desk/use-desk.js';
import { languageTag, t, topicLabel } from '../i18n/index.js';
import { formatWait } from './sla.js';

/**
 * Waiting chats in the agent's departments, oldest first, each one click from
 * being theirs. The server pushes changes (`queue.changed`); the client asks
 * for the whole list only on (re)connect.
 */
export function QueuePanel({ now, onPicked }: { now: number; onPicked: (conversationId: string) => void }) {
  const client = useDeskClient();
  const { queue } = useDeskState();
  const [error, setError] = useState<string | undefined>();

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="panel-heading">
        {t('queue.heading')} <span className="count">{queue.length}</span>
      </h2>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {queue.length === 0 ? (
        <p className="empty-state empty-state--small">{t('queue.empty')}</p>
      ) : (
        <ul className="queue__list">
          {queue.map((entry) => {
            const name = entry.customerName ?? t('inbox.anonymous');
            return (
              <li key={entry.conversationId} className="queue__item">
                <span className="queue__who">
                  <span className="inbox-item__name">{name}</span>{' '}
                  <span className="lang-tag">{languageTag(entry.language)}</span>
                </span>
                <span className="inbox-item__topic">
                  {topicLabel(entry.topic)} ·{' '}
                  {t('queue.waited', { time: formatWait(now - Date.parse(entry.queuedAt)) })}
                  {entry.priority ? ` · ${t('queue.transferred')}` : ''}
                  {entry.offline ? ` · ${t('queue.offline')}` : ''}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('queue.pickupFor', { name })}
                  onClick={() => {
                    setError(undefined);
                    client
                      .pickup(entry.conversationId)
                      .then(() => {
                        onPicked(entry.conversationId);
                      })
                      .catch((caught: unknown) => {
                        const reason = caught instanceof AppError ? caught.message : '';
                        setError(t('queue.failed', { reason }));
                        client.refreshQueue().catch(() => undefined);
                      });
                  }}
                >
                  {t('queue.pickup')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
