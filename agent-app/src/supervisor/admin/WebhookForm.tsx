import { WEBHOOK_EVENTS } from '@switchboard/shared';
import { t } from '../../i18n/console.js';
import { AdminForm, FormFooter, type DraftFormProps } from './AdminForm.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { TextField } from './FormFields.js';
import type { WebhookDraft } from './webhook-form.js';

/** Creates or edits a webhook endpoint: where to post, which events, whether notes go too. */
export function WebhookForm(props: DraftFormProps<WebhookDraft>) {
  const { draft, onChange } = props;
  return (
    <AdminForm className="admin__form admin__grid" onSubmit={props.onSave}>
      <TextField
        label={t('webhooks.url')}
        id="webhook-url"
        type="url"
        value={draft.url}
        onChange={(url) => onChange({ ...draft, url })}
      />
      <TextField
        label={t('webhooks.description')}
        id="webhook-description"
        value={draft.description}
        onChange={(description) => onChange({ ...draft, description })}
      />
      <CheckboxGroup
        legend={t('webhooks.events')}
        options={WEBHOOK_EVENTS.map((event) => ({ value: event, label: event }))}
        selected={draft.events}
        onChange={(events) => onChange({ ...draft, events: events as WebhookDraft['events'] })}
      />
      <label className="admin__check">
        <input
          type="checkbox"
          checked={draft.includeInternalNotes}
          onChange={(event) => onChange({ ...draft, includeInternalNotes: event.target.checked })}
        />
        {t('webhooks.internalNotes')}
      </label>
      <FormFooter error={props.error} busy={props.busy} onCancel={props.onCancel} />
    </AdminForm>
  );
}
