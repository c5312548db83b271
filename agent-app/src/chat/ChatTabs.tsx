import { useDeskState } from '../desk/use-desk.js';
import { t } from '../i18n/index.js';

interface Props {
  open: readonly string[];
  active: string | undefined;
  onActivate: (id: string) => void;
  onClose: (id: string) => void;
}

/**
 * The chats the agent is working in, one click (or Alt+↑/↓) apart; closing a tab keeps the chat.
 * A list of buttons, the open chat marked current, rather than ARIA tabs: each tab has a close
 * button beside it, and a tablist may hold nothing but tabs.
 */
export function ChatTabs({ open, active, onActivate, onClose }: Props) {
  const state = useDeskState();
  const tabs = open.filter((id) => state.chats[id]);
  if (tabs.length === 0) return null;
  return (
    <ul className="tabs" aria-label={t('chat.openTabs')}>
      {tabs.map((id) => {
        const chat = state.chats[id];
        if (!chat) return null;
        const name = chat.view.customer.name ?? t('inbox.anonymous');
        return (
          <li key={id} className={`tab${id === active ? ' tab--active' : ''}`}>
            <button
              type="button"
              aria-current={id === active ? 'true' : undefined}
              className="tab__button"
              onClick={() => {
                onActivate(id);
              }}
            >
              <span className="tab__name">{name}</span>
              {/* Two customers may share a name: the case number tells their tabs apart. */}
              <span className="tab__case">{chat.view.caseNumber}</span>
              {chat.unread > 0 && id !== active && <span className="unread unread--small">{chat.unread}</span>}
            </button>
            <button
              type="button"
              className="tab__close"
              aria-label={`${t('chat.closeTab')}: ${name} (${chat.view.caseNumber})`}
              onClick={() => {
                onClose(id);
              }}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
