import type { MessageView } from '@switchboard/shared';
import type { OutboxEntry } from '@switchboard/shared/client';
import { useMemo, useRef } from 'react';
import { Virtuoso } from 'react-virtuoso';
import type { ChatState } from '../desk/desk-state.js';
import { t } from '../i18n/index.js';
import { MessageItem, PendingItem } from './MessageItem.js';

type Item = { kind: 'message'; message: MessageView } | { kind: 'pending'; entry: OutboxEntry };

// Virtuoso keeps the scroll position when older messages are prepended if the
// index of the first item goes down by as many: count from a high base.
const BASE_INDEX = 1_000_000;

/**
 * The conversation, virtualized: only the rows on screen are in the DOM, so
 * a chat with thousands of messages scrolls like a short one. Scrolling to
 * the top pages older history in; new messages follow only while the agent
 * is at the bottom (never yank them away from what they are reading).
 */
export function MessageList({
  chat,
  agentId,
  onLoadOlder,
}: {
  chat: ChatState;
  /** The desk's agent: notes by anyone else are labelled with who wrote them. */
  agentId?: string;
  onLoadOlder: () => void;
}) {
  const anchor = useRef<number | undefined>(undefined);
  anchor.current ??= chat.messages[0]?.seq;
  const items = useMemo<Item[]>(
    () => [
      ...chat.messages.map((message) => ({ kind: 'message' as const, message })),
      ...chat.pending.map((entry) => ({ kind: 'pending' as const, entry })),
    ],
    [chat.messages, chat.pending],
  );
  const anchorSeq = anchor.current;
  const older = anchorSeq === undefined ? 0 : chat.messages.findIndex((message) => message.seq >= anchorSeq);
  const customerReadSeq = chat.view.receipts.customer.readSeq;
  const customerDeliveredSeq = chat.view.receipts.customer.deliveredSeq;

  return (
    <div className="messages" role="log" aria-label={t('chat.start')}>
      <Virtuoso
        // Mounted again once the first page arrives, so it opens at the newest message.
        key={items.length === 0 ? 'empty' : 'loaded'}
        className="messages__scroller"
        data={items}
        firstItemIndex={BASE_INDEX - Math.max(0, older)}
        initialTopMostItemIndex={Math.max(0, items.length - 1)}
        followOutput={(atBottom) => {
          // The agent's own message always comes into view; others only if they were at the bottom.
          const last = items.at(-1);
          const own = last?.kind === 'pending' || last?.message.author.kind === 'agent';
          return atBottom || own ? 'smooth' : false;
        }}
        startReached={() => {
          if (chat.hasOlder) onLoadOlder();
        }}
        computeItemKey={(_, item) => (item.kind === 'message' ? item.message.id : item.entry.clientMessageId)}
        components={{
          Header: () => (
            <p className="messages__edge">
              {chat.loadingOlder ? t('chat.loadingOlder') : chat.hasOlder ? '' : t('chat.start')}
            </p>
          ),
        }}
        itemContent={(_, item) =>
          item.kind === 'message' ? (
            <MessageItem
              message={item.message}
              language={chat.view.language}
              {...(agentId === undefined ? {} : { agentId })}
              receipt={
                item.message.seq <= customerReadSeq
                  ? 'read'
                  : item.message.seq <= customerDeliveredSeq
                    ? 'delivered'
                    : 'sent'
              }
            />
          ) : (
            <PendingItem entry={item.entry} moved={chat.released !== undefined} />
          )
        }
      />
    </div>
  );
}
