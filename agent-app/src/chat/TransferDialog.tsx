import type { ConversationTransfer, TransferTargets } from '@switchboard/shared';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../api/rest.js';
import { t } from '../i18n/index.js';
import { awayWarning, teamIsAway, teamOptionLabel } from './transfer-team-text.js';

interface Props {
  customerName: string;
  onCancel: () => void;
  onConfirm: (to: ConversationTransfer['to'], note: string) => Promise<void>;
}

/**
 * Transfer a chat: to a team (front of its queue) or a colleague, with a
 * note the next advisor reads first. Each team shows who is online and the
 * wait; handing a chat to a team nobody can answer for now takes a second,
 * confirming click.
 */
export function TransferDialog({ customerName, onCancel, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [targets, setTargets] = useState<TransferTargets | undefined>();
  const [kind, setKind] = useState<'department' | 'agent'>('department');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  /** The team the agent was warned about: the next submit for it transfers. */
  const [warned, setWarned] = useState<string | undefined>();

  useEffect(() => {
    dialog.current?.showModal();
    api
      .get<TransferTargets>('/api/desk/transfer-targets')
      .then(setTargets)
      .catch(() => {
        setTargets({ departments: [], agents: [] });
      });
  }, []);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (target === '') return;
    const team = kind === 'department' ? targets?.departments.find((d) => d.id === target) : undefined;
    if (team && teamIsAway(team) && warned !== team.id) {
      setWarned(team.id);
      return;
    }
    setBusy(true);
    setError(undefined);
    onConfirm(kind === 'department' ? { departmentId: target } : { agentId: target }, note).catch((caught: unknown) => {
      setError(t('transfer.failed', { reason: caught instanceof Error ? caught.message : '' }));
      setBusy(false);
    });
  };

  const options =
    kind === 'department'
      ? (targets?.departments ?? []).map((d) => ({ id: d.id, label: teamOptionLabel(d) }))
      : (targets?.agents ?? []).map((a) => ({ id: a.id, label: `${a.displayName} — ${t(`status.${a.status}`)}` }));

  const warnedTeam = warned === undefined ? undefined : targets?.departments.find((d) => d.id === warned);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="transfer-heading" onClose={onCancel}>
      <form onSubmit={submit}>
        <h2 id="transfer-heading">
          {t('transfer.heading')} — {customerName}
        </h2>
        <div className="segmented" role="radiogroup" aria-label={t('transfer.heading')}>
          {(['department', 'agent'] as const).map((value) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={kind === value}
              onClick={() => {
                setKind(value);
                setTarget('');
                setWarned(undefined);
              }}
            >
              {value === 'department' ? t('transfer.toDepartment') : t('transfer.toAgent')}
            </button>
          ))}
        </div>
        <label htmlFor="transfer-target" className="field-label">
          {t('transfer.target')}
        </label>
        <select
          id="transfer-target"
          className="field"
          value={target}
          required
          onChange={(e) => {
            setTarget(e.target.value);
            setWarned(undefined);
          }}
        >
          <option value="">{t('transfer.choose')}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        {targets && options.length === 0 && <p className="muted">{t('transfer.none')}</p>}
        <label htmlFor="transfer-note" className="field-label">
          {t('transfer.note')}
        </label>
        <textarea
          id="transfer-note"
          className="field"
          rows={3}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
        {warnedTeam && (
          <p className="notice notice--warning" role="alert">
            {awayWarning(warnedTeam)}
          </p>
        )}
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('close.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || target === ''}>
            {warnedTeam ? t('transfer.confirmAnyway') : t('transfer.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
