import { BLOCK_DURATIONS, type BlockDuration, type VisitorBlock } from '@switchboard/shared';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { t } from '../i18n/index.js';

interface Props {
  customerName: string;
  onCancel: () => void;
  onConfirm: (block: VisitorBlock) => Promise<void>;
}

/**
 * Blocking an abusive visitor: a reason (for the console and the audit log,
 * never shown to them), how long, and whether their network address goes too.
 * The chat ends; the visitor's widget says chat is not available.
 */
export function BlockDialog({ customerName, onCancel, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [duration, setDuration] = useState<BlockDuration>('24h');
  const [address, setAddress] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    setBusy(true);
    setError(false);
    onConfirm({ reason: reason.trim(), duration, address }).catch(() => {
      setError(true);
      setBusy(false);
    });
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="block-heading" onClose={onCancel}>
      <form onSubmit={submit}>
        <h2 id="block-heading">
          {t('block.heading')} — {customerName}
        </h2>
        <p className="muted">{t('block.explain')}</p>
        <label className="field-label" htmlFor="block-reason">
          {t('block.reason')}
        </label>
        <input
          id="block-reason"
          className="field"
          required
          maxLength={300}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
          }}
        />
        <label className="field-label" htmlFor="block-duration">
          {t('block.duration')}
        </label>
        <select
          id="block-duration"
          className="field"
          value={duration}
          onChange={(event) => {
            setDuration(event.target.value as BlockDuration);
          }}
        >
          {BLOCK_DURATIONS.map((value) => (
            <option key={value} value={value}>
              {t(`block.duration.${value}`)}
            </option>
          ))}
        </select>
        <label className="disposition">
          <input
            type="checkbox"
            checked={address}
            onChange={(event) => {
              setAddress(event.target.checked);
            }}
          />
          {t('block.address')}
        </label>
        <p className="muted">{t('block.addressHint')}</p>
        {error && (
          <p className="notice notice--error" role="alert">
            {t('block.failed')}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('close.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={busy || !reason.trim()}>
            {t('block.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
