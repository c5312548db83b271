import { renderSystemMessage } from '@switchboard/shared/i18n';
import { useEffect, useRef, useState } from 'react';
import { useDeskClient } from '../desk/use-desk.js';
import type { DeskState } from '../desk/desk-state.js';
import { releaseNote } from '../desk/release-note.js';
import { t, UI_LOCALE } from '../i18n/index.js';
import { loadNotifySettings, playChime, showDesktopNotification } from './notifier.js';

interface Announcement {
  id: number;
  text: string;
}

/**
 * New assignments and customer messages: announced to screen readers always,
 * and, while the tab is hidden, as a desktop notification and a chime (each
 * as the agent chose). Returns the live region's recent lines.
 */
export function useDeskNotifications(state: DeskState, open: (conversationId: string) => void): Announcement[] {
  const client = useDeskClient();
  const [lines, setLines] = useState<Announcement[]>([]);
  const latest = useRef(state);
  latest.current = state;
  const counter = useRef(0);

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'released') {
          // Said at once, in the live region and (tab hidden) as an alert: the chat is gone from under them.
          const chat = latest.current.chats[event.released.conversationId];
          const text = t('live.released', {
            name: chat?.view.customer.name ?? t('inbox.anonymous'),
            caseNumber: event.released.caseNumber,
            note: releaseNote(event.released, latest.current.agent?.id),
          });
          counter.current += 1;
          const line = { id: counter.current, text };
          setLines((current) => [...current.slice(-4), line]);
          if (document.hidden && loadNotifySettings().desktop) {
            showDesktopNotification(text, '', event.released.conversationId, () => {
              open(event.released.conversationId);
            });
          }
          return;
        }
        const conversationId = event.type === 'assigned' ? event.conversationId : event.message.conversationId;
        const chat = latest.current.chats[conversationId];
        const name = chat?.view.customer.name ?? t('inbox.anonymous');
        const body =
          event.type === 'assigned'
            ? ''
            : event.message.system
              ? renderSystemMessage(event.message.system.event, event.message.system.params, UI_LOCALE)
              : event.message.body;
        const text = event.type === 'assigned' ? t('live.assigned', { name }) : t('live.message', { name, body });
        counter.current += 1;
        const line = { id: counter.current, text };
        setLines((current) => [...current.slice(-4), line]);
        if (!document.hidden) return;
        const settings = loadNotifySettings();
        if (settings.sound) playChime();
        if (settings.desktop) {
          const title = event.type === 'assigned' ? t('notify.assigned', { name }) : t('notify.message', { name });
          showDesktopNotification(title, body.slice(0, 140), conversationId, () => {
            open(conversationId);
          });
        }
      }),
    [client, open],
  );
  return lines;
}
