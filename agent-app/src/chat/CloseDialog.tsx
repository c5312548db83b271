import { DISPOSITIONS, type Disposition } from '@switchboard/shared';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { t } from '../i18n/index.js';

interface Props {
  customerName: string;
  onCancel: () => void;
  onConfirm: (disposition: Disposition) => Promise<void>;
}

/** Closing always asks for a resolution: reports group by it. */
export function CloseDialog({ customerName, onCancel, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [disposition, setDisposition] = useState<Disposition>('resolved');
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
