import type { AgentSession, DeskSettings } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { agentSocket } from '../api/agent-socket.js';
import { api, onSessionExpired } from '../api/rest.js';
import { ChatTabs } from '../chat/ChatTabs.js';
import { ChatView, type ChatViewHandle } from '../chat/ChatView.js';
import type { ComposerHandle } from '../composer/Composer.js';
import { CustomerPanel } from '../customer/CustomerPanel.js';
import { KbSuggestions } from '../customer/KbSuggestions.js';
import { DeskClient } from '../desk/desk-client.js';
import type { EndReason } from '../desk/desk-state.js';
import { DeskContext, useDeskState } from '../desk/use-desk.js';
import { DraftStore } from '../drafts/draft-store.js';
import { t } from '../i18n/index.js';
import { Inbox } from '../inbox/Inbox.js';
import { forgetKnowledge } from '../knowledge/use-knowledge.js';
import { ShortcutsOverlay } from '../keyboard/ShortcutsOverlay.js';
import { useShortcuts } from '../keyboard/use-shortcuts.js';
import { useDeskNotifications } from '../notifications/use-desk-notifications.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { TopBar } from './TopBar.js';
import { useTabs } from './use-tabs.js';
import './desk.css';

/** Used until GET /api/desk/settings answers (the server's defaults are the same). */
const FALLBACK_SETTINGS: DeskSettings = { replySla: { amberMs: 120_000, redMs: 240_000 }, departmentReplySla: {} };

interface Props {
  session: AgentSession;
  onEnded: (reason: EndReason) => void;
}

/** Owns the desk's client for the signed-in session; everything below reads it through hooks. */
export function Desk({ session, onEnded }: Props) {
  const [client, setClient] = useState<DeskClient | null>(null);
  useEffect(() => {
    const created = new DeskClient({ createSocket: agentSocket, onKnowledgeChanged: forgetKnowledge });
    setClient(created);
    return () => {
      created.dispose();
    };
  }, []);
  useEffect(() => onSessionExpired(() => onEnded('expired')), [onEnded]);
  if (!client) return null;
  return (
    <DeskContext value={client}>
      <DeskLayout session={session} onEnded={onEnded} />
    </DeskContext>
  );
}

function DeskLayout({ session, onEnded }: Props) {
  const state = useDeskState();
  const agent = state.agent ?? session.agent;
  const tabs = useTabs(agent.id);
  const [drafts] = useState(() => new DraftStore(localStorage, agent.id));
  const [settings, setSettings] = useState<DeskSettings>(FALLBACK_SETTINGS);
  const [helpOpen, setHelpOpen] = useState(false);
  const [composerText, setComposerText] = useState('');
  const composer = useRef<ComposerHandle>(null);
  const chatView = useRef<ChatViewHandle>(null);
  // Narrow screens show one pane at a time (the inbox or the chat) and fold the
  // customer panel away; wide ones ignore both (desk.css decides by width).
  const [pane, setPane] = useState<'inbox' | 'chat'>(tabs.active === undefined ? 'inbox' : 'chat');
  const [sideOpen, setSideOpen] = useState(false);
  const { activate } = tabs;
  const open = useCallback(
    (conversationId: string) => {
      activate(conversationId);
      setPane('chat');
    },
    [activate],
  );
  const announce = useDeskNotifications(state, open);

  // Signed in, or the page reloaded: focus starts at the agent's chats, where the work is, rather
  // than nowhere (a keyboard or screen reader user would have to start from the top of the page).
  // On a phone showing a chat, the inbox is hidden: the chat's region instead.
  const inboxHeading = useRef<HTMLHeadingElement>(null);
  const chatRegion = useRef<HTMLElement>(null);
  useEffect(() => {
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    const visible = (element: HTMLElement | null) => (element?.getClientRects().length ? element : null);
    (visible(inboxHeading.current) ?? chatRegion.current)?.focus();
  }, []);

  useEffect(() => {
    if (state.connection === 'ended') onEnded(state.endReason ?? 'expired');
  }, [state.connection, state.endReason, onEnded]);

  useEffect(() => {
    api
      .get<DeskSettings>('/api/desk/settings')
      .then((loaded) => {
        setSettings({ ...FALLBACK_SETTINGS, ...loaded });
      })
      .catch(() => undefined);
  }, []);

  // Once the session snapshot is in, forget tabs and drafts of chats that left the desk.
  const { retain } = tabs;
  useEffect(() => {
    if (state.connection !== 'online') return;
    retain(state.order);
    drafts.retain(state.order);
  }, [state.connection, state.order, retain, drafts]);

  const unread = state.order.reduce((sum, id) => sum + (state.chats[id]?.unread ?? 0), 0);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${t('app.title')}` : t('app.title');
  }, [unread]);

  const step = (delta: number) => {
    if (state.order.length === 0) return;
    const index = tabs.active === undefined ? -1 : state.order.indexOf(tabs.active);
    const next = state.order[(index + delta + state.order.length) % state.order.length];
    if (next !== undefined) open(next);
  };
  useShortcuts((shortcut) => {
    switch (shortcut) {
      case 'next-chat':
        step(1);
        break;
      case 'previous-chat':
        step(-1);
        break;
      case 'focus-composer':
        composer.current?.focus();
        break;
      case 'canned':
        composer.current?.openCanned();
        break;
      case 'toggle-note':
        composer.current?.toggleNote();
        break;
      case 'transfer-chat':
        chatView.current?.requestTransfer();
        break;
      case 'close-chat':
        chatView.current?.requestClose();
        break;
      case 'help':
        setHelpOpen(true);
        break;
    }
  });

  const active = tabs.active !== undefined ? state.chats[tabs.active] : undefined;
  const activeId = active?.view.id;
  // A phone with no chat open shows the inbox; the customer panel folds when the chat changes.
  useEffect(() => {
    if (activeId === undefined) setPane('inbox');
    setSideOpen(false);
  }, [activeId]);
  return (
    <div className="desk">
      <TopBar agent={agent} onHelp={() => setHelpOpen(true)} onSignOut={() => onEnded('signed-out')} />
      <ConnectionBanner connection={state.connection} />
      <div className="desk__body" data-pane={pane} data-side={sideOpen ? 'open' : 'closed'}>
        <Inbox agent={agent} activeId={tabs.active} settings={settings} onOpen={open} headingRef={inboxHeading} />
        <main ref={chatRegion} tabIndex={-1} className="desk__chat" aria-label={active ? undefined : t('chat.none')}>
          <ChatTabs open={tabs.open} active={tabs.active} onActivate={open} onClose={tabs.closeTab} />
          {active ? (
            <ChatView
              key={active.view.id}
              ref={chatView}
              chat={active}
              agent={agent}
              drafts={drafts}
              composerRef={composer}
              onComposerText={setComposerText}
              onDismiss={() => tabs.closeTab(active.view.id)}
              onBack={() => setPane('inbox')}
              sideOpen={sideOpen}
              onToggleSide={() => setSideOpen((shown) => !shown)}
            />
          ) : (
            <p className="empty-state">{t('chat.none')}</p>
          )}
        </main>
        <aside
          id="desk-side"
          className="desk__side"
          aria-label={t('customer.heading')}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && sideOpen) setSideOpen(false);
          }}
        >
          {active && (
            <button type="button" className="button desk__side-close" onClick={() => setSideOpen(false)}>
              {t('chat.hideDetails')}
            </button>
          )}
          {/* A chat that left this agent is no longer theirs to look up (the server would refuse). */}
          {active && !active.released && <CustomerPanel chat={active} />}
          {active && !active.released && (
            <KbSuggestions chat={active} draft={composerText} onInsert={(text) => composer.current?.insert(text)} />
          )}
        </aside>
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="false">
        {announce.map((line) => (
          <p key={line.id}>{line.text}</p>
        ))}
      </div>
      {helpOpen && <ShortcutsOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
