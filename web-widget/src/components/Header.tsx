import type { AgentCard } from '@switchboard/shared';
import type { T } from '../i18n';
import { Avatar } from './Avatar';

interface HeaderProps {
  t: T;
  agent: AgentCard | undefined;
  /** Shown when the chat can be ended from here. */
  onEnd: (() => void) | undefined;
  onClose: () => void;
}

/** The panel's title bar: who the customer talks to (the advisor's name and avatar), end chat, close the panel. */
export function Header({ t, agent, onEnd, onClose }: HeaderProps) {
  return (
    <header className="sb-header">
      {agent ? <Avatar name={agent.displayName} url={agent.avatarUrl} /> : null}
      <div className="sb-header-text">
        <h1 className="sb-title">{agent ? agent.displayName : t('title')}</h1>
        {agent ? <p className="sb-subtitle">{t('chat.advisor')}</p> : null}
      </div>
      {onEnd ? (
        <button type="button" className="sb-header-button" onClick={onEnd}>
          {t('endChat')}
        </button>
      ) : null}
      <button type="button" className="sb-icon-button" aria-label={t('close')} onClick={onClose}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </header>
  );
}
