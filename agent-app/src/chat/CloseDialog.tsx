import { DISPOSITIONS, type Disposition } from '@switchboard/shared';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { t } from '../i18n/index.js';

interface Props {
  customerName: string;
  /** The resolution chosen at first: an agent's own chat is usually resolved, an idle one rarely. */
  initial?: Disposition;
  /** A line under the heading: what closing does for the customer. */
  intro?: string;
  onCancel: () => void;
  onConfirm: (disposition: Disposition) => Promise<void>;
}

/** Closing always asks for a resolution (reports group by it), and nothing closes without this confirmation. */
export function CloseDialog({ customerName, initial = 'resolved', intro, onCancel, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [disposition, setDisposition] = useState<Disposition>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(false);
    onConfirm(disposition).catch(() => {
      setError(true);
      setBusy(false);
    });
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="close-heading" onClose={onCancel}>
      <form onSubmit={submit}>
        <h2 id="close-heading">
          {t('close.heading')} — {customerName}
        </h2>
        {intro && <p className="dialog__intro">{intro}</p>}
        <fieldset className="dispositions">
          <legend>{t('close.disposition')}</legend>
          {DISPOSITIONS.map((value) => (
            <label key={value} className="disposition">
              <input
                type="radio"
                name="disposition"
                value={value}
                checked={disposition === value}
                onChange={() => {
                  setDisposition(value);
                }}
              />
              {t(`disposition.${value}`)}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="notice notice--error" role="alert">
            {t('close.failed')}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('close.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('close.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
