import type { AgentSession } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from './api/rest.js';
import type { EndReason } from './desk/desk-state.js';
import { Desk } from './layout/Desk.js';
import { SignInPage, type SignInNotice } from './layout/SignInPage.js';
import { ConsoleSwitchContext } from './supervisor/console-switch.js';
import { canOpenConsole } from './supervisor/sections.js';
import { SupervisorConsole } from './supervisor/SupervisorConsole.js';

type Boot =
  { phase: 'loading' } | { phase: 'signed-out'; notice?: SignInNotice } | { phase: 'desk'; session: AgentSession };

/** Signed in → the desk; otherwise the sign-in page, saying why when the session ended on its own. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const [consoleOpen, setConsoleOpen] = useState(false);
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

  const ended = useCallback((reason: EndReason) => {
    api.forget();
    setConsoleOpen(false);
    setBoot({ phase: 'signed-out', notice: reason });
  }, []);

  if (boot.phase === 'loading') return <div className="boot" aria-busy="true" />;
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
  const mayOpenConsole = canOpenConsole(agent.role);
  // The desk stays mounted (hidden) under the console, so its connection, chats and drafts live on.
  return (
    <ConsoleSwitchContext value={mayOpenConsole ? openConsole : null}>
      <div hidden={consoleOpen && mayOpenConsole}>
        <Desk key={agent.id} session={boot.session} onEnded={ended} />
      </div>
      {consoleOpen && mayOpenConsole && (
        <SupervisorConsole
          agent={agent}
          onBack={() => {
            setConsoleOpen(false);
          }}
        />
      )}
    </ConsoleSwitchContext>
  );
}
