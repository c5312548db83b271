import type { ReactNode } from 'react';
import { t } from '../../i18n/console.js';
import type { FormError } from './admin-request.js';
import { FormErrorView } from './FormErrorView.js';

/** What a tab gives the form that edits its draft: the draft, its changes, and the request saving it. */
export interface DraftFormProps<Draft> {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onSave: () => void;
  onCancel: () => void;
  busy: boolean;
  error: FormError | undefined;
}

/** A form that stays on the page when submitted: the admin tabs save through the REST client, not a navigation. */
export function AdminForm(props: { className: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      className={props.className}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

/**
 * The end of every admin form: the server's error, then Cancel and the submit
 * button. The submit button says "Saving…" while busy unless the form names
 * its own action (`submitLabel`); a form that stays open names what its
 * Cancel does instead (`cancelLabel`).
 */
export function FormFooter(props: {
  error: FormError | undefined;
  busy: boolean;
  onCancel: () => void;
  submitLabel?: string;
  cancelLabel?: string;
}) {
  return (
    <>
      <FormErrorView error={props.error} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onCancel}>
          {props.cancelLabel ?? t('admin.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={props.busy}>
          {props.submitLabel ?? (props.busy ? t('admin.saving') : t('admin.save'))}
        </button>
      </div>
    </>
  );
}
