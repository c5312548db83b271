import type { AgentView } from '@switchboard/shared';
import { Suspense, useEffect, useState } from 'react';
import { agentSocket } from '../api/agent-socket.js';
import { t, UI_LOCALE } from '../i18n/console.js';
import { SECTIONS } from './sections.js';
import { SupervisorClient } from './supervisor-client.js';
import { SupervisorContext, useSupervisorState } from './use-supervisor.js';
import './supervisor.css';

interface Props {
  agent: AgentView;
  onBack: () => void;
}

/** The console for supervisors and admins: its own connection, and the sections their role allows. */
export function SupervisorConsole({ agent, onBack }: Props) {
  const [client, setClient] = useState<SupervisorClient | null>(null);
  useEffect(() => {
    const created = new SupervisorClient({ createSocket: agentSocket });
    setClient(created);
    return () => {
      created.dispose();
    };
  }, []);
  if (!client) return null;
  return (
    <SupervisorContext value={client}>
      <ConsoleLayout agent={agent} onBack={onBack} />
    </SupervisorContext>
  );
}

function ConsoleLayout({ agent, onBack }: Props) {
  const state = useSupervisorState();
  const sections = SECTIONS.filter((section) => section.roles.includes(agent.role));
  const [current, setCurrent] = useState(sections[0]?.id);

  // Opening a chat from the board or the idle list takes the supervisor to it.
  const canObserve = sections.some((section) => section.id === 'observe');
  useEffect(() => {
    if (state.focused !== undefined && canObserve) setCurrent('observe');
  }, [state.focused, canObserve]);

  const section = sections.find((each) => each.id === current) ?? sections[0];
  const Section = section?.component;
  return (
    <div className="console">
      <header className="top-bar console__bar" lang={UI_LOCALE}>
        <span className="brand">{t('app.title')}</span>
        <h1 className="console__title">{t('console.title')}</h1>
        <nav className="console__nav" aria-label={t('console.sections')}>
          {sections.map((each) => (
            <button
              key={each.id}
              type="button"
              className="console__tab"
              aria-current={each.id === section?.id ? 'page' : undefined}
              onClick={() => {
                setCurrent(each.id);
              }}
            >
              {t(each.label)}
              {each.id === 'idle' && state.idle.length > 0 && (
                <span className="console__count">{state.idle.length}</span>
              )}
            </button>
          ))}
        </nav>
        <div className="top-bar__end">
          {/* The background jobs dashboard (bull-board), admins only: it opens beside the console. */}
          {agent.role === 'admin' && (
            <a className="button button--ghost" href="/admin/queues" target="_blank" rel="noopener">
              {t('console.jobs')}
            </a>
          )}
          <span className="top-bar__agent">{agent.displayName}</span>
          <button type="button" className="button" onClick={onBack}>
            {t('console.back')}
          </button>
        </div>
      </header>
      {state.connection === 'reconnecting' && (
        <div className="banner" role="status" lang={UI_LOCALE}>
          {t('console.reconnecting')}
        </div>
      )}
      <main className="console__body">
        {Section && (
          // Sections other than the live ones load when first opened (sections.ts).
          <Suspense fallback={<div aria-busy="true" />}>
            <Section agent={agent} toDesk={onBack} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
