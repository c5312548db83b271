import type { LiveConversation } from '@switchboard/shared';
import { useEffect, useState } from 'react';
import { useNow } from '../../desk/use-now.js';
import { t, topicLabel } from '../../i18n/console.js';
import { formatWait } from '../../inbox/sla.js';
import { useSupervisorClient, useSupervisorState } from '../use-supervisor.js';

/** Whose live chats to list: an agent's, or a department's (`general`: the general queue). */
export interface LiveScope {
  kind: 'agent' | 'department';
  id: string;
  name: string;
}

/** The live chats behind a board row or card, each one click away from being observed. */
export function LiveChatsPanel({ scope, onClose }: { scope: LiveScope; onClose: () => void }) {
  const client = useSupervisorClient();
  const { board } = useSupervisorState();
  const now = useNow();
  const [chats, setChats] = useState<LiveConversation[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  // Re-read whenever the board moves, so the list follows assignments and closes.
  useEffect(() => {
    let current = true;
    client
      .liveList(scope.kind === 'agent' ? { agentId: scope.id } : { departmentId: scope.id })
      .then((found) => {
        if (current) setChats(found);
      })
      .catch((caught: unknown) => {
        if (current) setError(t('action.failed', { message: (caught as Error).message }));
      });
    return () => {
      current = false;
    };
  }, [client, scope, board]);

  return (
    <section className="live-panel" aria-labelledby="live-panel-heading">
      <header className="live-panel__header">
        <h2 id="live-panel-heading" className="board__heading">
          {t('liveList.heading', { name: scope.name })}
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          {t('liveList.close')}
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {chats?.length === 0 && <p className="empty-state empty-state--small">{t('liveList.none')}</p>}
      <ul className="live-panel__list">
        {chats?.map((chat) => (
          <li key={chat.conversationId} className="live-panel__item">
            <span className="live-panel__case">{chat.caseNumber}</span>
            <span>{chat.customerName ?? '—'}</span>
            <span className="muted">{topicLabel(chat.topic)}</span>
            <span className="muted">
              {chat.status === 'queued'
                ? `${t('liveList.waiting')} ${formatWait(now - Date.parse(chat.queuedAt))}`
                : t('liveList.with', { name: chat.agentName ?? '—' })}
            </span>
            {chat.idle && <span className="tag tag--red">{t(`idle.reason.${chat.idle}`)}</span>}
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                void client.observe(chat.conversationId).catch((caught: unknown) => {
                  setError(t('action.failed', { message: (caught as Error).message }));
                });
              }}
            >
              {t('idle.observe')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
