import type { AgentSession } from '@switchboard/shared';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api } from './api/rest.js';
import type { EndReason } from './desk/desk-state.js';
import { SignInPage, type SignInNotice } from './layout/SignInPage.js';
import { canOpenConsole } from './supervisor/console-access.js';
import { ConsoleSwitchContext } from './supervisor/console-switch.js';

// Loaded when needed: a signed-out visitor downloads only the sign-in page, an
// agent the desk, and only a supervisor who opens it the console.
const Desk = lazy(() => import('./layout/Desk.js').then((module) => ({ default: module.Desk })));
const SupervisorConsole = lazy(() =>
  import('./supervisor/SupervisorConsole.js').then((module) => ({ default: module.SupervisorConsole })),
);

type Boot =
  { phase: 'loading' } | { phase: 'signed-out'; notice?: SignInNotice } | { phase: 'desk'; session: AgentSession };

/** The console has an address of its own (`/agent/console`), so a link or a reload opens it. */
const CONSOLE_PATH = `${import.meta.env.BASE_URL}console`;
const showPath = (path: string) => {
  if (window.location.pathname !== path) window.history.replaceState(null, '', path + window.location.search);
};

const Booting = () => <div className="boot" aria-busy="true" />;

/** Signed in → the desk; otherwise the sign-in page, saying why when the session ended on its own. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const [consoleOpen, setConsoleOpen] = useState(() => window.location.pathname === CONSOLE_PATH);
  const openConsole = useCallback(() => {
    setConsoleOpen(true);
  }, []);

  useEffect(() => {
    api
      .me()
      .then((session) => {
        setBoot(session ? { phase: 'desk', session } : { phase: 'signed-out' });
      })
      .catch(() => {
        setBoot({ phase: 'signed-out', notice: 'unreachable' });
      });
  }, []);

  const mayOpenConsole = boot.phase === 'desk' && canOpenConsole(boot.session.agent.role);
  useEffect(() => {
    if (boot.phase === 'desk') showPath(consoleOpen && mayOpenConsole ? CONSOLE_PATH : import.meta.env.BASE_URL);
  }, [boot.phase, consoleOpen, mayOpenConsole]);

  const ended = useCallback((reason: EndReason) => {
    api.forget();
    setConsoleOpen(false);
    setBoot({ phase: 'signed-out', notice: reason });
  }, []);

  if (boot.phase === 'loading') return <Booting />;
  if (boot.phase === 'signed-out') {
    return (
      <SignInPage
        notice={boot.notice}
        onSignedIn={(session) => {
          setBoot({ phase: 'desk', session });
        }}
      />
    );
  }
  const { agent } = boot.session;
  // The desk stays mounted (hidden) under the console, so its connection, chats and drafts live on.
  return (
    <ConsoleSwitchContext value={mayOpenConsole ? openConsole : null}>
      <div hidden={consoleOpen && mayOpenConsole}>
        <Suspense fallback={<Booting />}>
          <Desk key={agent.id} session={boot.session} onEnded={ended} />
        </Suspense>
      </div>
      {consoleOpen && mayOpenConsole && (
        <Suspense fallback={<Booting />}>
          <SupervisorConsole
            agent={agent}
            onBack={() => {
              setConsoleOpen(false);
            }}
          />
        </Suspense>
      )}
    </ConsoleSwitchContext>
  );
}
