import { CLOSING_EVENTS, type AgentView } from '@switchboard/shared';
import { useEffect, useImperativeHandle, useState, type Ref, type RefObject } from 'react';
import { Composer, type ComposerHandle } from '../composer/Composer.js';
import type { ChatState } from '../desk/desk-state.js';
import { useDeskClient } from '../desk/use-desk.js';
import type { DraftStore } from '../drafts/draft-store.js';
import { releaseNote } from '../desk/release-note.js';
import { languageName, t, topicLabel, type TextKey } from '../i18n/index.js';
import { api } from '../api/rest.js';
import { BlockDialog } from './BlockDialog.js';
import { CloseDialog } from './CloseDialog.js';
import { MessageList } from './MessageList.js';
import { TransferDialog } from './TransferDialog.js';

/** The desk's keyboard shortcuts for the open chat: each opens its dialog, unless the chat is over or gone. */
export interface ChatViewHandle {
  /** Alt+W */
  requestClose: () => void;
  /** Alt+T */
  requestTransfer: () => void;
}

interface Props {
  chat: ChatState;
  agent: AgentView;
  drafts: DraftStore;
  composerRef: RefObject<ComposerHandle | null>;
  /** What the desk's shortcuts ask of this chat. */
  ref: Ref<ChatViewHandle>;
  onComposerText: (text: string) => void;
  onDismiss: () => void;
  /** Narrow screens: back from the chat to the inbox. */
  onBack: () => void;
  /** Below the widest layout the customer panel folds away behind a button. */
  sideOpen: boolean;
  onToggleSide: () => void;
}

/**
 * Who ended the chat (from its closing message) and the resolution if an agent
 * gave one: never "closed (closed)".
 */
function closedText(chat: ChatState): string {
  const closing = chat.messages.findLast(
    (message) => message.system !== undefined && CLOSING_EVENTS.includes(message.system.event),
  );
  const by = closing?.system?.params.by;
  const who = by === 'customer' || by === 'system' ? t(`chat.closed.${by}`) : t('chat.closed.agent');
  const disposition = chat.view.disposition;
  return [
    who,
    ...(disposition ? [t('chat.closed.resolution', { disposition: t(`disposition.${disposition}` as TextKey) })] : []),
    t('chat.closed.remove'),
  ].join(' ');
}

export function ChatView(props: Props) {
  const { ref, chat, agent, drafts, composerRef, onComposerText, onDismiss } = props;
  const { onBack, sideOpen, onToggleSide } = props;
  const client = useDeskClient();
  const { view } = chat;
  const [closing, setClosing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [blocking, setBlocking] = useState(false);
  const name = view.customer.name ?? t('inbox.anonymous');
  const closed = view.status === 'closed';
  const released = chat.released;
  // Nothing more to do in it: ended, or no longer this agent's.
  const done = closed || released !== undefined;

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

  useImperativeHandle(
    ref,
    () => ({
      requestClose: () => {
        if (!done) setClosing(true);
      },
      requestTransfer: () => {
        if (!done) setTransferring(true);
      },
    }),
    [done],
  );

  return (
    <section className="chat" aria-labelledby="chat-heading">
      <header className="chat__header">
        <button type="button" className="button button--ghost chat__back" aria-label={t('chat.back')} onClick={onBack}>
          <span aria-hidden="true">‹ {t('chat.backShort')}</span>
        </button>
        <div className="chat__title">
          <h1 id="chat-heading" className="chat__name">
            {name}
          </h1>
          <p className="chat__meta">
            <span className="chat__case">{view.caseNumber}</span>
            <span>{topicLabel(view.topic)}</span>
            <span>{languageName(view.language)}</span>
          </p>
        </div>
        <div className="chat__tools">
          {!released && (
            <button
              type="button"
              className="button chat__details"
              aria-expanded={sideOpen}
              aria-controls="desk-side"
              aria-label={t('chat.details')}
              onClick={onToggleSide}
            >
              <span className="wide-only">{t('chat.details')}</span>
              <span className="narrow-only">{t('chat.detailsShort')}</span>
            </button>
          )}
          {!done && (
            <>
              <button
                type="button"
                className="button chat__action"
                onClick={() => setTransferring(true)}
                aria-keyshortcuts="Alt+T"
              >
                {t('action.transfer')}
              </button>
              <button
                type="button"
                className="button chat__action"
                onClick={() => setClosing(true)}
                aria-keyshortcuts="Alt+W"
              >
                {t('action.close')}
              </button>
              <button type="button" className="button button--danger chat__action" onClick={() => setBlocking(true)}>
                {t('action.block')}
              </button>
            </>
          )}
        </div>
      </header>
      {(closed || released) && (
        <div className={`chat__closed${released ? ' chat__closed--moved' : ''}`} role="status">
          <span>{released ? t('chat.released', { note: releaseNote(released, agent.id) }) : closedText(chat)}</span>
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
      <MessageList chat={chat} agentId={agent.id} onLoadOlder={() => void client.loadOlder(view.id)} />
      <p className="chat__typing" aria-live="off">
        {chat.customerTyping ? t('chat.typing', { name }) : ''}
      </p>
      {!done && <Composer ref={composerRef} chat={chat} agent={agent} drafts={drafts} onTextChange={onComposerText} />}
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
      {blocking && (
        <BlockDialog
          customerName={name}
          onCancel={() => setBlocking(false)}
          onConfirm={async (block) => {
            // The server ends the chat; its conversation.updated closes it here like any close.
            await api.post(`/api/conversations/${view.id}/block`, block);
            drafts.clear(view.id);
            onComposerText('');
            setBlocking(false);
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
