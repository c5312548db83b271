import type { BoardAgent, IdleSession } from '@switchboard/shared';
import { useState } from 'react';
import { CloseDialog } from '../../chat/CloseDialog.js';
import { useNow } from '../../desk/use-now.js';
import { t, topicLabel } from '../../i18n/console.js';
import { formatWait } from '../../inbox/sla.js';
import { useSupervisorClient, useSupervisorState } from '../use-supervisor.js';
import { ReassignPicker } from './ReassignPicker.js';
import { ConsoleSection } from '../ConsoleSection.js';
import type { ConsoleSectionProps } from '../sections.js';

interface Notice {
  text: string;
  error: boolean;
  /** After a take-over: the chat waits on the supervisor's own desk. */
  toDesk?: boolean;
}

/** Idle sessions: chats gone quiet, longest first, each fixed in one action (closing asks first). */
export function IdleSection({ toDesk }: ConsoleSectionProps) {
  const { idle, board } = useSupervisorState();
  const [notice, setNotice] = useState<Notice | undefined>();
  return (
    <ConsoleSection name="idle" heading={t('idle.heading')}>
      <div
        role="status"
        aria-live="polite"
        className={notice?.error ? 'idle__notice idle__notice--error' : 'idle__notice'}
      >
        {notice?.text}
        {notice?.toDesk && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={toDesk}>
              {t('idle.openDesk')}
            </button>
          </>
        )}
      </div>
      {idle.length === 0 ? (
        <p className="empty-state">{t('idle.none')}</p>
      ) : (
        <ul className="idle__list">
          {idle.map((session) => (
            <IdleRow key={session.conversationId} session={session} agents={board?.agents ?? []} onNotice={setNotice} />
          ))}
        </ul>
      )}
    </ConsoleSection>
  );
}

function IdleRow({
  session,
  agents,
  onNotice,
}: {
  session: IdleSession;
  agents: readonly BoardAgent[];
  onNotice: (notice: Notice) => void;
}) {
  const client = useSupervisorClient();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);

  const run = (
    work: () => Promise<void>,
    done = t('idle.done', { caseNumber: session.caseNumber }),
    toDesk = false,
  ) => {
    setBusy(true);
    work()
      .then(() => {
        onNotice({ text: done, error: false, toDesk });
      })
      .catch((caught: unknown) => {
        onNotice({ text: t('action.failed', { message: (caught as Error).message }), error: true });
      })
      .finally(() => {
        setBusy(false);
      });
  };
  const id = session.conversationId;
  const labelId = `idle-${id}`;
  return (
    <li className="idle__row" aria-labelledby={labelId}>
      <div className="idle__facts">
        <span className={`tag ${session.reason === 'agent-unanswered' ? 'tag--red' : 'tag--amber'}`}>
          {t(`idle.reason.${session.reason}`)}
        </span>
        <strong id={labelId} className="idle__case">
          {session.caseNumber}
        </strong>
        <span>
          {t('idle.customer')}: {session.customerName ?? '—'}
        </span>
        <span className="muted">{topicLabel(session.topic)}</span>
        <span>
          {t('idle.agent')}: {session.agentName ?? t('idle.unassigned')}
        </span>
        <span className="idle__for">{t('idle.for', { time: formatWait(now - Date.parse(session.since)) })}</span>
      </div>
      <div className="idle__actions" aria-busy={busy}>
        <ReassignPicker
          session={session}
          agents={agents}
          disabled={busy}
          onReassign={(agentId) => {
            run(() => client.reassign(id, agentId));
          }}
        />
        <button type="button" className="button" disabled={busy} onClick={() => run(() => client.requeue(id))}>
          {t('idle.requeue')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => run(() => client.takeover(id), t('idle.takenOver', { caseNumber: session.caseNumber }), true)}
        >
          {t('idle.takeover')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => setClosing(true)}>
          {t('idle.close')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={busy}
          onClick={() => run(() => client.observe(id))}
        >
          {t('idle.observe')}
        </button>
      </div>
      {closing && (
        <CloseDialog
          customerName={`${session.caseNumber} · ${session.customerName ?? t('inbox.anonymous')}`}
          initial="no-response"
          intro={t(session.agentId ? 'idle.closeIntro' : 'idle.closeIntroUnassigned')}
          onCancel={() => setClosing(false)}
          onConfirm={async (disposition) => {
            await client.close(id, disposition);
            setClosing(false);
            onNotice({ text: t('idle.done', { caseNumber: session.caseNumber }), error: false });
          }}
        />
      )}
    </li>
  );
}
