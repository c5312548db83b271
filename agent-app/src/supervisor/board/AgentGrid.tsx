import type { BoardAgent } from '@switchboard/shared';
import { t } from '../../i18n/console.js';
import type { LiveScope } from './LiveChatsPanel.js';

/** Agents as compact cards: status, name, load against capacity as a bar, idle chats flagged. */
export function AgentGrid({ agents, onOpen }: { agents: readonly BoardAgent[]; onOpen: (scope: LiveScope) => void }) {
  if (agents.length === 0) return <p className="empty-state empty-state--small">{t('board.noAgents')}</p>;
  return (
    <ul className="agent-grid">
      {agents.map((agent) => {
        const ratio = agent.capacity > 0 ? Math.min(1, agent.load / agent.capacity) : 0;
        const full = agent.load >= agent.capacity;
        return (
          <li key={agent.id}>
            {/* Named by what it shows (name, idle chats, load) rather than an aria-label, so the
                name a speech-input user reads off the card is the one that works; the status and
                the load in words are there for screen readers only. */}
            <button
              type="button"
              className={`agent-card agent-card--${agent.status}`}
              onClick={() => {
                onOpen({ kind: 'agent', id: agent.id, name: agent.displayName });
              }}
            >
              <span className="agent-card__top">
                <span className={`status-dot status-dot--${agent.status}`} aria-hidden="true" />
                <span className="agent-card__name">{agent.displayName}</span>
                <span className="visually-hidden">, {t(`status.${agent.status}`)}, </span>
                {agent.idleChats > 0 && (
                  <span className="agent-card__idle">{t('board.agent.idle', { count: agent.idleChats })}</span>
                )}
              </span>
              <span className="agent-card__load">
                <span className="load-bar" aria-hidden="true">
                  <span
                    className={`load-bar__fill${full ? ' load-bar__fill--full' : ''}`}
                    style={{ width: `${Math.round(ratio * 100)}%` }}
                  />
                </span>
                <span className="agent-card__count" aria-hidden="true">
                  {agent.load}/{agent.capacity}
                </span>
                <span className="visually-hidden">
                  {' '}
                  {t('board.agent.load', { load: agent.load, capacity: agent.capacity })}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
