import type { BoardDepartment, BoardSnapshot } from '@switchboard/shared';
import { useState } from 'react';
import { useNow } from '../../desk/use-now.js';
import { formatTime, t } from '../../i18n/console.js';
import { formatWait } from '../../inbox/sla.js';
import { useSupervisorState } from '../use-supervisor.js';
import { AgentGrid } from './AgentGrid.js';
import { LiveChatsPanel, type LiveScope } from './LiveChatsPanel.js';

/** The live board: every queue and every agent at a glance; figures pushed by the server, waits ticking locally. */
export function BoardSection() {
  const { board } = useSupervisorState();
  const [scope, setScope] = useState<LiveScope | undefined>();
  if (!board) return <p className="empty-state">{t('board.loading')}</p>;
  return (
    <div className="board">
      <Totals board={board} />
      <div className="board__main">
        <section className="board__panel" aria-labelledby="board-departments">
          <h2 id="board-departments" className="board__heading">
            {t('board.departments')}
          </h2>
          <DepartmentsTable board={board} onOpen={setScope} />
        </section>
        <section className="board__panel board__panel--agents" aria-labelledby="board-agents">
          <h2 id="board-agents" className="board__heading">
            {t('board.agents')}
          </h2>
          <AgentGrid agents={board.agents} onOpen={setScope} />
        </section>
      </div>
      {scope && (
        <LiveChatsPanel
          scope={scope}
          onClose={() => {
            setScope(undefined);
          }}
        />
      )}
    </div>
  );
}

function Totals({ board }: { board: BoardSnapshot }) {
  const items: [string, number, string?][] = [
    [t('board.total.waiting'), board.totals.queued, board.totals.queued > 0 ? 'amber' : undefined],
    [t('board.total.offline'), board.totals.offlineWaiting, board.totals.offlineWaiting > 0 ? 'amber' : undefined],
    [t('board.total.active'), board.totals.activeChats],
    [t('board.total.idle'), board.totals.idle, board.totals.idle > 0 ? 'red' : undefined],
    [t('board.total.online'), board.totals.agentsOnline],
    [t('board.total.away'), board.totals.agentsAway],
  ];
  return (
    <section className="board__totals" aria-label={t('board.totals')}>
      {items.map(([label, value, tone]) => (
        <div key={label} className={`board__total${tone ? ` board__total--${tone}` : ''}`}>
          <span className="board__total-value">{value}</span>
          <span className="board__total-label">{label}</span>
        </div>
      ))}
      <span className="board__updated">{t('board.updated', { time: formatTime(board.at) })}</span>
    </section>
  );
}

function DepartmentsTable({ board, onOpen }: { board: BoardSnapshot; onOpen: (scope: LiveScope) => void }) {
  const now = useNow();
  // Waits grow between pushes: counted on from the snapshot's time.
  const drift = Math.max(0, now - Date.parse(board.at));
  const longest = (department: BoardDepartment) =>
    department.queued > 0 ? formatWait(department.longestWaitSeconds * 1000 + drift) : '—';
  const offline = (department: BoardDepartment) =>
    department.offlineWaiting > 0
      ? t('board.offlineCell', {
          count: department.offlineWaiting,
          time: formatWait(department.longestOfflineWaitSeconds * 1000 + drift),
        })
      : '—';
  const estimate = (department: BoardDepartment) =>
    department.estimatedWaitSeconds === null ? '—' : formatWait(department.estimatedWaitSeconds * 1000);
  return (
    <table className="board__table">
      <thead>
        <tr>
          <th scope="col">{t('board.col.department')}</th>
          {/* Numbers sit right, under headings that sit right too. */}
          <th scope="col" className="cell--number">
            {t('board.col.waiting')}
          </th>
          <th scope="col" className="cell--number">
            {t('board.col.longest')}
          </th>
          <th scope="col" className="cell--number">
            {t('board.col.estimate')}
          </th>
          <th scope="col" className="cell--number">
            {t('board.col.offline')}
          </th>
          <th scope="col" className="cell--number">
            {t('board.col.active')}
          </th>
          <th scope="col" className="cell--number">
            {t('board.col.agents')}
          </th>
          <th scope="col" className="cell--number">
            {t('board.col.slots')}
          </th>
        </tr>
      </thead>
      <tbody>
        {board.departments.map((department) => {
          const name = department.departmentId === null ? t('board.general') : department.name;
          const waitTone =
            department.queued === 0 ? '' : department.longestWaitSeconds >= 120 ? 'cell--red' : 'cell--amber';
          return (
            <tr key={department.departmentId ?? 'general'} className={department.open ? undefined : 'row--closed'}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('board.showChats', { name })}
                  onClick={() => {
                    onOpen({ kind: 'department', id: department.departmentId ?? 'general', name });
                  }}
                >
                  {name}
                </button>
                {!department.open && <span className="tag">{t('board.closed')}</span>}
              </th>
              <td className={`cell--number ${department.queued > 0 ? 'cell--strong' : ''}`}>{department.queued}</td>
              <td className={`cell--number ${waitTone}`}>{longest(department)}</td>
              <td className="cell--number">{estimate(department)}</td>
              <td className={`cell--number ${department.offlineWaiting > 0 ? 'cell--amber' : ''}`}>
                {offline(department)}
              </td>
              <td className="cell--number">{department.activeChats}</td>
              <td className="cell--number">
                {department.agentsOnline} / {department.agentsAway}
              </td>
              <td className="cell--number">
                {department.freeSlots} / {department.totalSlots}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
