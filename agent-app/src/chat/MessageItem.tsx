import type { Locale, MessageView } from '@switchboard/shared';
import type { OutboxEntry } from '@switchboard/shared/client';
import { renderSystemMessage } from '@switchboard/shared/i18n';
import { useDeskClient } from '../desk/use-desk.js';
import { AttachmentItem } from '../files/AttachmentItem.js';
import { formatTime, languageName, languageTag, t, UI_LOCALE } from '../i18n/index.js';
import { Linkified } from './Linkified.js';

interface Props {
  message: MessageView;
  /** The conversation's language: customers write in it. */
  language: Locale;
  receipt: 'sent' | 'delivered' | 'read';
  /** Whose desk this is: a note someone else wrote (a supervisor's whisper, a colleague's hand-over) says by whom. */
  agentId?: string;
}

export function MessageItem({ message, language, receipt, agentId }: Props) {
  if (message.system) {
    return (
      <div className="message message--system">
        <span className="message__label">
          {/* A line in the advisor's voice went out under their name: say so, as the customer saw it. */}
          {message.author.displayName ? t('chat.systemAs', { name: message.author.displayName }) : t('chat.system')}
        </span>
        <span>{renderSystemMessage(message.system.event, message.system.params, UI_LOCALE)}</span>
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
      </div>
    );
  }
  const fromCustomer = message.author.kind === 'customer';
  const kind = message.internal ? 'note' : fromCustomer ? 'customer' : 'agent';
  return (
    <div className={`message message--${kind}`}>
      <div className="message__bubble">
        {message.internal && (
          <span className="message__label">
            {agentId !== undefined && message.author.id !== agentId && message.author.displayName
              ? t('chat.noteFrom', { name: message.author.displayName })
              : t('chat.note')}
          </span>
        )}
        {message.attachment && <AttachmentItem attachment={message.attachment} />}
        {message.body !== '' && (
          <p className="message__body">
            <Linkified text={message.body} />
          </p>
        )}
        {message.masked && <p className="message__masked">{t('chat.masked')}</p>}
      </div>
      <div className="message__meta">
        {fromCustomer && (
          <span className="lang-tag" title={t('chat.customerWrote', { language: languageName(language) })}>
            {languageTag(language)}
          </span>
        )}
        {!fromCustomer && message.author.displayName && <span>{message.author.displayName}</span>}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        {kind === 'agent' && <span className={`receipt receipt--${receipt}`}>{t(`chat.${receipt}`)}</span>}
      </div>
    </div>
  );
}

/**
 * The agent's message on its way; a failed one says so in words and offers a
 * retry — unless the chat has moved on to someone else (`moved`), where a retry
 * could only fail again.
 */
export function PendingItem({ entry, moved = false }: { entry: OutboxEntry; moved?: boolean }) {
  const client = useDeskClient();
  return (
    <div className={`message message--${entry.internal ? 'note' : 'agent'} message--pending`}>
      <div className="message__bubble">
        {entry.internal && <span className="message__label">{t('chat.note')}</span>}
        {entry.attachmentId && <span className="message__label">{t('files.attached')}</span>}
        <p className="message__body">{entry.body}</p>
      </div>
      <div className="message__meta">
        {entry.state === 'failed' && moved ? (
          <span className="receipt receipt--failed">{t('chat.notSentMoved')}</span>
        ) : entry.state === 'failed' ? (
          <span className="receipt receipt--failed" role="alert">
            {t('chat.failed')}{' '}
            <button type="button" className="link-button" onClick={() => client.retry(entry.clientMessageId)}>
              {t('chat.retry')}
            </button>
          </span>
        ) : (
          <span className="receipt">{t('chat.sending')}</span>
        )}
      </div>
    </div>
  );
}
