import { AGENT_STATUSES, type AgentStatus, type AgentView } from '@switchboard/shared';
import { useState } from 'react';
import { api } from '../api/rest.js';
import { useDeskClient } from '../desk/use-desk.js';
import { t } from '../i18n/index.js';
import { NotifyToggles } from '../notifications/NotifyToggles.js';
import { useOpenConsole } from '../supervisor/console-switch.js';
import { RadioButtons } from './RadioButtons.js';

export function TopBar({ agent, onHelp, onSignOut }: { agent: AgentView; onHelp: () => void; onSignOut: () => void }) {
  const client = useDeskClient();
  const [error, setError] = useState<string | undefined>();
  const openConsole = useOpenConsole();

  const setStatus = (status: AgentStatus) => {
    setError(undefined);
    client.setStatus(status).catch(() => {
      setError(t('status.failed'));
    });
  };

  return (
    <header className="top-bar">
      <span className="brand">{t('app.title')}</span>
      <RadioButtons
        className="status-switch"
        label={t('status.label')}
        value={agent.status}
        onChange={setStatus}
        options={AGENT_STATUSES.map((status) => ({
          value: status,
          className: `status-switch__option status-switch__option--${status}`,
          label: (
            <>
              <span className={`status-dot status-dot--${status}`} aria-hidden="true" />
              {t(`status.${status}`)}
            </>
          ),
        }))}
      />
      {error && (
        <span className="top-bar__error" role="alert">
          {error}
        </span>
      )}
      <div className="top-bar__end">
        <NotifyToggles />
        {openConsole && (
          <button type="button" className="button" onClick={openConsole}>
            {t('console.open')}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onHelp} aria-label={t('top.shortcuts')}>
          ?
        </button>
        <span className="top-bar__agent">{agent.displayName}</span>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            void api.signOut().then(onSignOut);
          }}
        >
          {t('top.signOut')}
        </button>
      </div>
    </header>
  );
}
