import type { AgentView } from '@switchboard/shared';
import { useEffect, useState, type RefObject } from 'react';
import { Composer, type ComposerHandle } from '../composer/Composer.js';
import type { ChatState } from '../desk/desk-state.js';
import { useDeskClient } from '../desk/use-desk.js';
import type { DraftStore } from '../drafts/draft-store.js';
import { languageName, t, topicLabel, type TextKey } from '../i18n/index.js';
import { CloseDialog } from './CloseDialog.js';
import { MessageList } from './MessageList.js';
import { TransferDialog } from './TransferDialog.js';

interface Props {
  chat: ChatState;
  agent: AgentView;
  drafts: DraftStore;
  composerRef: RefObject<ComposerHandle | null>;
  /** Bumped by the Alt+W shortcut. */
  closeRequested: number;
  /** Bumped by the Alt+T shortcut. */
  transferRequested: number;
  onComposerText: (text: string) => void;
  onDismiss: () => void;
}

export function ChatView(props: Props) {
  const { chat, agent, drafts, composerRef, closeRequested, transferRequested, onComposerText, onDismiss } = props;
  const client = useDeskClient();
  const { view } = chat;
  const [closing, setClosing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const name = view.customer.name ?? t('inbox.anonymous');
  const closed = view.status === 'closed';

  // The agent is looking at this chat: everything shown is read (only while the tab is visible).
  const newest = chat.messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    const mark = () => {
      if (!document.hidden) client.markRead(view.id);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => {
      document.removeEventListener('visibilitychange', mark);
    };
  }, [client, view.id, newest]);

  // Shortcut presses arrive as counters from the desk: each new value opens its dialog once.
  const [handled, setHandled] = useState({ close: closeRequested, transfer: transferRequested });
  if (closeRequested !== handled.close || transferRequested !== handled.transfer) {
    if (!closed && closeRequested !== handled.close) setClosing(true);
    if (!closed && transferRequested !== handled.transfer) setTransferring(true);
    setHandled({ close: closeRequested, transfer: transferRequested });
  }

  return (
    <section className="chat" aria-labelledby="chat-heading">
      <header className="chat__header">
        <div>
          <h1 id="chat-heading" className="chat__name">
            {name}
          </h1>
          <p className="chat__meta">
            <span>{view.caseNumber}</span>
            <span>{topicLabel(view.topic)}</span>
            <span>{languageName(view.language)}</span>
          </p>
        </div>
        {!closed && (
          <div className="chat__actions">
            <button type="button" className="button" onClick={() => setTransferring(true)} aria-keyshortcuts="Alt+T">
              {t('action.transfer')}
            </button>
            <button type="button" className="button" onClick={() => setClosing(true)} aria-keyshortcuts="Alt+W">
              {t('action.close')}
            </button>
          </div>
        )}
      </header>
      {closed && (
        <div className="chat__closed" role="status">
          {t('chat.closedBanner', {
            disposition: view.disposition ? t(`disposition.${view.disposition}` as TextKey) : t('inbox.closed'),
          })}
          <button
            type="button"
            className="button"
            onClick={() => {
              client.dismiss(view.id);
              onDismiss();
            }}
          >
            {t('chat.dismiss')}
          </button>
        </div>
      )}
      <MessageList chat={chat} onLoadOlder={() => void client.loadOlder(view.id)} />
      <p className="chat__typing" aria-live="off">
        {chat.customerTyping ? t('chat.typing', { name }) : ''}
      </p>
      {!closed && (
        <Composer ref={composerRef} chat={chat} agent={agent} drafts={drafts} onTextChange={onComposerText} />
      )}
      {transferring && (
        <TransferDialog
          customerName={name}
          onCancel={() => setTransferring(false)}
          onConfirm={async (to, note) => {
            await client.transfer(view.id, to, note);
            drafts.clear(view.id);
            onDismiss();
          }}
        />
      )}
      {closing && (
        <CloseDialog
          customerName={name}
          onCancel={() => setClosing(false)}
          onConfirm={async (disposition) => {
            await client.close(view.id, disposition);
            // Nothing more can be sent here: a leftover draft would only steer the article suggestions.
            drafts.clear(view.id);
            onComposerText('');
            setClosing(false);
          }}
        />
      )}
    </section>
  );
}
