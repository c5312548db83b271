import type { ConversationTransfer, TransferTargets } from '@switchboard/shared';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../api/rest.js';
import { t } from '../i18n/index.js';

interface Props {
  customerName: string;
  onCancel: () => void;
  onConfirm: (to: ConversationTransfer['to'], note: string) => Promise<void>;
}

/** R4: to a team (front of its queue) or a colleague, with a note the next advisor reads first. */
export function TransferDialog({ customerName, onCancel, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [targets, setTargets] = useState<TransferTargets | undefined>();
  const [kind, setKind] = useState<'department' | 'agent'>('department');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

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
    setBusy(true);
    setError(undefined);
    onConfirm(kind === 'department' ? { departmentId: target } : { agentId: target }, note).catch((caught: unknown) => {
      setError(t('transfer.failed', { reason: caught instanceof Error ? caught.message : '' }));
      setBusy(false);
    });
  };

  const options =
    kind === 'department'
      ? (targets?.departments ?? []).map((d) => ({
          id: d.id,
          label: d.openNow ? d.name : `${d.name} ${t('transfer.closedNow')}`,
        }))
      : (targets?.agents ?? []).map((a) => ({ id: a.id, label: `${a.displayName} — ${t(`status.${a.status}`)}` }));

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
            {t('transfer.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
