import { useEffect, useRef, useState } from 'react';
import { MessageItem } from '../../chat/MessageItem.js';
import { t, topicLabel } from '../../i18n/console.js';
import type { ObservedChat } from '../supervisor-client.js';
import { useSupervisorClient } from '../use-supervisor.js';

/**
 * One observed chat: the customer sees nothing of the supervisor until they
 * join; meanwhile they may whisper (an internal note only the agents see).
 * Joined, they choose between replying to the customer and whispering.
 */
export function ObservedChatView({ chat, me }: { chat: ObservedChat; me: string }) {
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
  // Only a supervisor who joined writes to the customer; watching, they can still whisper to the agent.
  const [mode, setMode] = useState<'reply' | 'whisper'>(joined ? 'reply' : 'whisper');
  const whisper = mode === 'whisper' || !joined;
  useEffect(() => {
    setMode(joined ? 'reply' : 'whisper');
  }, [joined]);
  const submit = () => {
    const body = draft.trim();
    if (!body || busy) return;
    run(async () => {
      await client.send(id, body, whisper);
      setDraft('');
    });
  };
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
          {/* Becoming the chat's agent needs no online status: the supervisor is not joining routing. */}
          {conversation.status === 'active' && conversation.agent?.id !== me && (
            <button type="button" className="button" disabled={busy} onClick={() => run(() => client.takeover(id))}>
              {t('idle.takeover')}
            </button>
          )}
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
      {!closed && (
        <form
          className={`observed__composer${whisper ? ' observed__composer--whisper' : ''}`}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div className="observed__modes" role="radiogroup" aria-label={t('observe.mode')}>
            <label className={joined ? undefined : 'muted'}>
              <input
                type="radio"
                name={`observe-mode-${id}`}
                checked={!whisper}
                disabled={!joined}
                onChange={() => {
                  setMode('reply');
                }}
              />
              {t('observe.mode.reply')}
            </label>
            <label>
              <input
                type="radio"
                name={`observe-mode-${id}`}
                checked={whisper}
                onChange={() => {
                  setMode('whisper');
                }}
              />
              {t('observe.mode.whisper')}
            </label>
          </div>
          <div className="observed__compose-row">
            <label htmlFor={`observe-draft-${id}`} className="visually-hidden">
              {whisper ? t('observe.whisperLabel') : t('observe.message')}
            </label>
            <textarea
              id={`observe-draft-${id}`}
              value={draft}
              rows={2}
              placeholder={whisper ? t('observe.whisperPlaceholder') : t('observe.replyPlaceholder')}
              onChange={(event) => {
                setDraft(event.target.value);
              }}
              onKeyDown={(event) => {
                // Enter sends, as in the desk's composer; Shift+Enter starts a new line.
                if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  submit();
                }
              }}
            />
            <button type="submit" className="button button--primary" disabled={busy || draft.trim() === ''}>
              {whisper ? t('observe.whisper') : t('observe.send')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
