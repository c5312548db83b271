import type { BoardAgent, IdleSession } from '@switchboard/shared';
import { useId, useState } from 'react';
import { t } from '../../i18n/console.js';

/**
 * Choose an agent, then one click. Offered: online agents with a free slot
 * (the server checks again, atomically, and refuses a full or offline one).
 */
export function ReassignPicker({
  session,
  agents,
  disabled,
  onReassign,
}: {
  session: IdleSession;
  agents: readonly BoardAgent[];
  disabled: boolean;
  onReassign: (agentId: string) => void;
}) {
  const selectId = useId();
  const [agentId, setAgentId] = useState('');
  const candidates = agents.filter(
    (agent) => agent.status === 'online' && agent.load < agent.capacity && agent.id !== session.agentId,
  );
  return (
    <span className="reassign">
      <label htmlFor={selectId} className="visually-hidden">
        {t('idle.reassignTo')} ({session.caseNumber})
      </label>
      <select
        id={selectId}
        className="reassign__select"
        value={agentId}
        disabled={disabled}
        onChange={(event) => {
          setAgentId(event.target.value);
        }}
      >
        <option value="">{t('idle.pickAgent')}</option>
        {candidates.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.displayName} — {t('idle.slots', { free: agent.capacity - agent.load })}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--primary"
        disabled={disabled || agentId === ''}
        onClick={() => {
          onReassign(agentId);
        }}
      >
        {t('idle.reassign')}
      </button>
    </span>
  );
}
