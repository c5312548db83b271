import type { ConversationView as Conversation, Locale } from '@switchboard/shared';
import { useEffect, useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import type { ChatClient } from '../client/chat-client';
import { deliveryStatus, type ChatState } from '../client/chat-state';
import { useCustomerFiles } from '../hooks/use-file-rules';
import type { T } from '../i18n';
import { Composer } from './Composer';
import { ConfirmDialog } from './ConfirmDialog';
import { EndPanel } from './EndPanel';
import { MessageItem, PendingItem, systemText } from './MessageItem';
import { QueueBanner } from './QueueBanner';

export interface ScreenProps {
  t: T;
  locale: Locale;
  client: ChatClient;
  chat: ChatState;
  /** The panel is showing (the host has not closed it). */
  open: boolean;
  /** The deployment offers "email me the transcript" on the end screen. */
  transcriptOffer: boolean;
}

interface ConversationViewProps extends ScreenProps {
  conversation: Conversation;
  confirmingEnd: boolean;
  onEndDone: () => void;
  onLeaveMessage: () => void;
}

/** The queue, the chat and the end screen of one conversation. */
export function ConversationView({ t, locale, client, chat, open, conversation, ...props }: ConversationViewProps) {
  const list = useRef<HTMLOListElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(chat.messages.at(-1)?.seq ?? 0);
  const closed = conversation.status === 'closed';

  // New messages from the other side are read out once to screen readers; history loaded on resume is not.
  useEffect(() => {
    const fresh = chat.messages.filter(
      (message) => message.seq > announced.current && message.author.kind !== 'customer',
    );
    announced.current = Math.max(announced.current, chat.messages.at(-1)?.seq ?? 0);
    const last = fresh.at(-1);
    if (!last) return;
    const name = last.author.displayName ?? t('chat.advisor');
    const text = last.author.kind === 'system' ? systemText(last, locale) : last.body;
    // Unsigned system lines are read as they are; anyone's words (an advisor-voiced line too) with their name.
    setAnnouncement(
      last.author.kind === 'system' && !last.author.displayName ? text : t('chat.announce', { name, text }),
    );
  }, [chat.messages, locale, t]);

  useLayoutEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [chat.messages.length, chat.pending.length, chat.agentTyping, closed]);

  // Receipts: what the customer has in front of them is read (the agent sees "Read").
  useEffect(() => {
    const mark = () => {
      if (open && document.visibilityState === 'visible') client.markRead();
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [client, open, chat.messages]);

  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [open, closed]);

  const lastMine = chat.messages.findLast((message) => message.author.kind === 'customer');
  const [dragging, setDragging] = useState(false);
  const filesAllowed = useCustomerFiles(conversation.departmentId);
  // Where files are off a pasted or dropped file is not sent, and the customer is told why.
  const attach = (file: File) => (filesAllowed ? client.attach(file) : client.refuseFile(file));
  // A file dragged onto the chat is attached (not opened by the browser in place of the widget);
  // where files are off it is still caught, or the browser would open it in place of the chat.
  const dropProps = closed
    ? {}
    : {
        onDragOver: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDragging(filesAllowed);
        },
        onDragLeave: (event: DragEvent) => {
          if (event.currentTarget === event.target) setDragging(false);
        },
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file) attach(file);
        },
      };
  return (
    <div className={dragging ? 'sb-conversation sb-dragging' : 'sb-conversation'} ref={root} {...dropProps}>
      {dragging ? (
        <p className="sb-drop-hint" aria-hidden="true">
          {t('file.drop')}
        </p>
      ) : null}
      {conversation.status === 'queued' ? (
        <QueueBanner t={t} locale={locale} queue={chat.queue} onLeaveMessage={props.onLeaveMessage} />
      ) : null}
      <ol className="sb-messages" ref={list} aria-label={t('title')} tabIndex={0}>
        {chat.messages.map((message) => (
          <MessageItem
            key={message.id}
            t={t}
            locale={locale}
            message={message}
            // The status line only under the customer's latest message, as messengers do.
            status={message === lastMine ? deliveryStatus(message, chat.agentReceipts) : undefined}
          />
        ))}
        {chat.pending.map((entry) => (
          <PendingItem key={entry.clientMessageId} t={t} entry={entry} onRetry={(id) => client.retry(id)} />
        ))}
        {closed ? (
          <li className="sb-end-item">
            <EndPanel
              t={t}
              client={client}
              conversation={conversation}
              customer={chat.customer}
              transcriptOffer={props.transcriptOffer}
            />
          </li>
        ) : null}
      </ol>
      <p className="sb-typing" aria-hidden={chat.agentTyping ? undefined : true}>
        {chat.agentTyping
          ? chat.agentTyping.name
            ? t('chat.typing', { name: chat.agentTyping.name })
            : t('chat.typingGeneric')
          : ''}
      </p>
      {closed ? null : (
        <Composer
          t={t}
          locale={locale}
          onSend={(body) => client.send(body)}
          onTyping={(typing) => client.setTyping(typing)}
          staged={chat.staged}
          filesAllowed={filesAllowed}
          onAttach={attach}
          onRemoveFile={() => client.removeUpload()}
          onRetryFile={() => client.retryUpload()}
        />
      )}
      <div className="sb-sr-only" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {props.confirmingEnd && !closed ? (
        <ConfirmDialog
          id="sb-end-confirm"
          title={t('end.confirmTitle')}
          confirmLabel={t('end.confirm')}
          cancelLabel={t('end.cancel')}
          onConfirm={() => {
            props.onEndDone();
            void client.close();
          }}
          onCancel={props.onEndDone}
        >
          <p>{t('end.confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
