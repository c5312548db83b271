import type { AgentView } from '@switchboard/shared';
import { t } from '../../i18n/console.js';
import { AdminForm, FormFooter } from './AdminForm.js';
import type { FormError } from './admin-request.js';
import { TextField } from './FormFields.js';

/** Sets a new password for one agent. */
export function ResetPasswordForm(props: {
  agent: AgentView;
  password: string;
  onPasswordChange: (password: string) => void;
  onReset: () => void;
  onCancel: () => void;
  busy: boolean;
  error: FormError | undefined;
}) {
  return (
    <AdminForm className="admin__form" onSubmit={props.onReset}>
      <TextField
        label={t('admin.agent.newPassword', { name: props.agent.displayName })}
        id="agent-new-password"
        type="password"
        value={props.password}
        onChange={props.onPasswordChange}
      />
      <FormFooter
        error={props.error}
        busy={props.busy}
        onCancel={props.onCancel}
        submitLabel={t('admin.agent.resetPassword')}
      />
    </AdminForm>
  );
}
