import { useEffect, useRef, useState } from 'react';
import { MessageItem } from '../../chat/MessageItem.js';
import { t, topicLabel } from '../../i18n/index.js';
import type { ObservedChat } from '../supervisor-client.js';
import { useSupervisorClient } from '../use-supervisor.js';

/** One observed chat: read-only until the supervisor joins, then a plain composer. */
export function ObservedChatView({ chat }: { chat: ObservedChat }) {
  const client = useSupervisorClient();
  const { conversation, messages, joined } = chat;
  const id = conversation.id;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    work()
      .catch((caught: unknown) => {
        setError(t('action.failed', { message: (caught as Error).message }));
      })
      .finally(() => {
        setBusy(false);
      });
  };
  const closed = conversation.status === 'closed';
  return (
    <div className="observed">
      <header className="observed__header">
        <div>
          <strong>{conversation.caseNumber}</strong> · {conversation.customer.name ?? '—'} ·{' '}
          <span className="muted">{topicLabel(conversation.topic)}</span> ·{' '}
          <span className="tag">{t(`observe.status.${conversation.status}`)}</span>
          {conversation.agent && <span className="muted"> · {conversation.agent.displayName}</span>}
        </div>
        <div className="observed__actions">
          {joined ? (
            <button type="button" className="button" disabled={busy} onClick={() => run(() => client.leave(id))}>
              {t('observe.leave')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={busy || closed}
              onClick={() => run(() => client.join(id))}
            >
              {t('observe.join')}
            </button>
          )}
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() => run(() => client.unobserve(id))}
          >
            {t('observe.stop')}
          </button>
        </div>
      </header>
      <p className={`observed__note${joined ? ' observed__note--joined' : ''}`}>
        {joined ? t('observe.joinedNote') : t('observe.readOnly')}
      </p>
      <div className="observed__messages" role="log" aria-live="polite" aria-label={conversation.caseNumber}>
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} language={conversation.language} receipt="sent" />
        ))}
        <div ref={end} />
      </div>
      {error && (
        <p role="alert" className="idle__notice idle__notice--error">
          {error}
        </p>
      )}
      {joined && !closed && (
        <form
          className="observed__composer"
          onSubmit={(event) => {
            event.preventDefault();
            const body = draft.trim();
            if (!body) return;
            run(async () => {
              await client.send(id, body);
              setDraft('');
            });
          }}
        >
          <label htmlFor={`observe-draft-${id}`} className="visually-hidden">
            {t('observe.message')}
          </label>
          <textarea
            id={`observe-draft-${id}`}
            value={draft}
            rows={2}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
          <button type="submit" className="button button--primary" disabled={busy || draft.trim() === ''}>
            {t('observe.send')}
          </button>
        </form>
      )}
    </div>
  );
}
