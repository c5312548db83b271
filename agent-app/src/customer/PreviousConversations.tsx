import type { CustomerConversationSummary, MessageView } from '@switchboard/shared';
import { renderSystemMessage } from '@switchboard/shared/i18n';
import { useEffect, useState } from 'react';
import { api } from '../api/rest.js';
import { SatisfactionLine } from './Satisfaction.js';
import { formatDate, formatTime, t, topicLabel, UI_LOCALE, type TextKey } from '../i18n/index.js';

/** The customer's earlier chats, newest first, each with its transcript on demand. */
export function PreviousConversations({ customerId, currentId }: { customerId: string; currentId: string }) {
  const [list, setList] = useState<CustomerConversationSummary[] | 'error' | undefined>();
  useEffect(() => {
    let live = true;
    api
      .get<{ conversations: CustomerConversationSummary[] }>(`/api/customers/${customerId}/conversations`)
      .then((result) => {
        if (live) setList(result.conversations.filter((c) => c.id !== currentId));
      })
      .catch(() => {
        if (live) setList('error');
      });
    return () => {
      live = false;
    };
  }, [customerId, currentId]);

  return (
    <section className="previous" aria-labelledby="previous-heading">
      <h3 id="previous-heading" className="subheading">
        {t('customer.previous')}
      </h3>
      {list === 'error' ? (
        <p className="muted">{t('customer.loadFailed')}</p>
      ) : list === undefined ? null : list.length === 0 ? (
        <p className="muted">{t('customer.noPrevious')}</p>
      ) : (
        <ul className="previous__list">
          {list.map((conversation) => (
            <PreviousConversation key={conversation.id} conversation={conversation} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PreviousConversation({ conversation }: { conversation: CustomerConversationSummary }) {
  const [open, setOpen] = useState(false);
  const [messages, setMessages] = useState<MessageView[] | 'error' | undefined>();
  const toggle = () => {
    setOpen(!open);
    if (messages === undefined || messages === 'error') {
      api
        .get<{ messages: MessageView[] }>(`/api/conversations/${conversation.id}/transcript`)
        .then((result) => {
          setMessages(result.messages);
        })
        .catch(() => {
          setMessages('error');
        });
    }
  };
  return (
    <li className="previous__item">
      <div className="previous__summary">
        <span className="mono">{conversation.caseNumber}</span>
        <span>{topicLabel(conversation.topic)}</span>
        <span className="muted">
          {formatDate(conversation.createdAt)}
          {conversation.agentName ? ` · ${conversation.agentName}` : ''}
          {conversation.disposition ? ` · ${t(`disposition.${conversation.disposition}` as TextKey)}` : ''}
        </span>
        {conversation.satisfaction && <SatisfactionLine satisfaction={conversation.satisfaction} />}
      </div>
      <button type="button" className="link-button" aria-expanded={open} onClick={toggle}>
        {open ? t('customer.hideTranscript') : t('customer.showTranscript')}
      </button>
      {open && (
        <ol className="transcript">
          {messages === 'error' && <li className="muted">{t('customer.loadFailed')}</li>}
          {Array.isArray(messages) &&
            messages.map((message) => (
              <li
                key={message.id}
                className={`transcript__line transcript__line--${message.internal ? 'note' : message.author.kind}`}
              >
                <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>{' '}
                <strong>
                  {message.author.kind === 'system' ? '' : `${message.author.displayName ?? message.author.kind}: `}
                </strong>
                {message.system
                  ? renderSystemMessage(message.system.event, message.system.params, UI_LOCALE)
                  : message.body}
              </li>
            ))}
        </ol>
      )}
    </li>
  );
}
