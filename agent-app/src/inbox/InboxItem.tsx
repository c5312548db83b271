import type { MessageView, ReplySla } from '@switchboard/shared';
import { renderSystemMessage } from '@switchboard/shared/i18n';
import type { ChatState } from '../desk/desk-state.js';
import { languageTag, t, topicLabel, UI_LOCALE } from '../i18n/index.js';
import { formatWait, slaLevel, waitingSince } from './sla.js';

interface Props {
  chat: ChatState;
  /** The desk's agent: only their own messages are "You:". */
  agentId: string;
  active: boolean;
  now: number;
  sla: ReplySla;
  onOpen: (conversationId: string) => void;
}

/**
 * Who wrote the last line, before it: "You:" only for this agent's own
 * messages; a supervisor or the previous agent by name; a note says so.
 */
function previewAuthor(message: MessageView, agentId: string): string {
  if (message.author.kind !== 'agent') return '';
  const who = message.author.id === agentId ? t('inbox.you') : (message.author.displayName ?? t('idle.agent'));
  return message.internal ? `${t('chat.note')} (${who}): ` : `${who}: `;
}

export function InboxItem({ chat, agentId, active, now, sla, onOpen }: Props) {
  const { view } = chat;
  const since = waitingSince(view, chat.messages);
  const waited = since === undefined ? undefined : now - since;
  const level = waited === undefined ? undefined : slaLevel(waited, sla);
  // What a person said last: "You're now chatting with Lei" tells the agent nothing about the case.
  const last = chat.messages.findLast((message) => !message.system) ?? chat.messages.at(-1);
  const preview = last
    ? last.system
      ? renderSystemMessage(last.system.event, last.system.params, UI_LOCALE)
      : `${previewAuthor(last, agentId)}${last.body}`
    : '';
  const moved = chat.released !== undefined;
  const name = view.customer.name ?? t('inbox.anonymous');
  return (
    <li>
      <button
        type="button"
        className={`inbox-item${active ? ' inbox-item--active' : ''}${view.status === 'closed' || moved ? ' inbox-item--closed' : ''}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => {
          onOpen(view.id);
        }}
      >
        <span className="inbox-item__top">
          <span className="inbox-item__name">{name}</span>
          <span className="lang-tag" title={view.language}>
            {languageTag(view.language)}
          </span>
          {chat.unread > 0 && (
            <span className="unread" aria-label={t('inbox.unread', { count: chat.unread })}>
              {chat.unread}
            </span>
          )}
        </span>
        <span className="inbox-item__topic">
          {topicLabel(view.topic)} · <span className="inbox-item__case">{view.caseNumber}</span>
        </span>
        <span className="inbox-item__preview">{preview}</span>
        <span className="inbox-item__meta">
          {moved ? (
            <span className="wait wait--closed">{t('inbox.moved')}</span>
          ) : view.status === 'closed' ? (
            <span className="wait wait--closed">{t('inbox.closed')}</span>
          ) : waited === undefined ? (
            <span className="wait wait--answered">{t('inbox.answered')}</span>
          ) : (
            <span className={`wait wait--${level ?? 'ok'}`}>{t('inbox.waiting', { time: formatWait(waited) })}</span>
          )}
          {chat.customerTyping && <span className="typing-dot">{t('chat.typing', { name: '' }).trim()}</span>}
        </span>
      </button>
    </li>
  );
}
