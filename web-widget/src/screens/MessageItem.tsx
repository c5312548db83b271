import type { Locale, MessageView } from '@switchboard/shared';
import { renderSystemMessage } from '@switchboard/shared/i18n';
import type { OutboxEntry } from '@switchboard/shared/client';
import { Avatar } from '../components/Avatar';
import { CaseNumberKept } from '../components/CaseNumberText';
import type { DeliveryStatus } from '../client/chat-state';
import type { T } from '../i18n';
import { AttachmentItem } from './AttachmentItem';
import { LinkifiedText } from './LinkifiedText';

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();
export function formatTime(locale: Locale, iso: string): string {
  let format = timeFormats.get(locale);
  if (!format)
    timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' })));
  return format.format(new Date(iso));
}

/** What a system message says in the reader's language; stored messages carry the event, not the words. */
export function systemText(message: MessageView, locale: Locale): string {
  return message.system ? renderSystemMessage(message.system.event, message.system.params, locale) : message.body;
}

const STATUS_KEYS = {
  sending: 'status.sending',
  sent: 'status.sent',
  delivered: 'status.delivered',
  read: 'status.read',
  failed: 'status.failed',
} as const;

interface MessageItemProps {
  t: T;
  locale: Locale;
  message: MessageView;
  /** For the customer's own messages. */
  status?: DeliveryStatus | undefined;
}

export function MessageItem({ t, locale, message, status }: MessageItemProps) {
  // A system line in the advisor's voice ("I'll close this chat") carries their name: shown as theirs.
  const voiced = message.author.kind === 'system' && message.author.displayName !== undefined;
  const caseNumber = message.system?.params.caseNumber;
  if (message.author.kind === 'system' && !voiced) {
    return (
      <li className="sb-system">
        <CaseNumberKept text={systemText(message, locale)} caseNumber={caseNumber} />
      </li>
    );
  }
  const mine = message.author.kind === 'customer';
  const name = mine ? t('chat.you') : (message.author.displayName ?? t('chat.advisor'));
  const text = voiced ? systemText(message, locale) : message.body;
  return (
    <li className={mine ? 'sb-message sb-mine' : 'sb-message sb-theirs'}>
      {mine ? null : <Avatar name={name} url={message.author.avatarUrl} small />}
      <div className="sb-bubble-wrap">
        {message.attachment ? <AttachmentItem t={t} locale={locale} attachment={message.attachment} /> : null}
        {text === '' ? null : (
          <p className="sb-bubble">
            <span className="sb-sr-only">{name}: </span>
            {voiced ? <CaseNumberKept text={text} caseNumber={caseNumber} /> : <LinkifiedText text={text} />}
          </p>
        )}
        <p className="sb-meta">
          {mine ? null : <span className="sb-author">{name} · </span>}
          <time dateTime={message.createdAt}>{formatTime(locale, message.createdAt)}</time>
          {message.masked ? <span> · {t('chat.masked')}</span> : null}
          {status ? <span> · {t(STATUS_KEYS[status])}</span> : null}
        </p>
      </div>
    </li>
  );
}

/** A message of the customer's not stored yet: "Sending…", or the human error with a retry button. */
export function PendingItem({ t, entry, onRetry }: { t: T; entry: OutboxEntry; onRetry: (id: string) => void }) {
  return (
    <li className="sb-message sb-mine sb-pending">
      <div className="sb-bubble-wrap">
        <p className="sb-bubble">
          {entry.attachmentId ? <span className="sb-file-icon" aria-label={t('file.attached')} /> : null}
          <LinkifiedText text={entry.body} />
        </p>
        {entry.state === 'failed' ? (
          <button type="button" className="sb-retry" onClick={() => onRetry(entry.clientMessageId)}>
            {t('status.failed')}
          </button>
        ) : (
          <p className="sb-meta" role={entry.error?.code === 'RATE_LIMITED' ? 'status' : undefined}>
            {/* The outbox sends it again once the limit allows: say why it waits. */}
            {entry.error?.code === 'RATE_LIMITED' ? t('limit.messages') : t('status.sending')}
          </p>
        )}
      </div>
    </li>
  );
}
