import type { WidgetSettings, WidgetSettingsView } from '@switchboard/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/rest.js';
import { formatDate, t } from '../../i18n/console.js';
import { useAdminRequest } from './admin-request.js';
import { FormErrorView } from './FormErrorView.js';
import { WidgetSettingsForm } from './WidgetSettingsForm.js';
import {
  describeWidgetSettingsError,
  toWidgetSettingsBody,
  toWidgetSettingsDraft,
  type WidgetSettingsDraft,
} from './widget-settings-form.js';

const PATH = '/api/widget-settings';

function LastChanged({ view }: { view: WidgetSettingsView }) {
  if (view.updatedAt === null || view.updatedBy === null) {
    return <p className="admin__hint">{t('admin.widget.neverChanged')}</p>;
  }
  return (
    <p className="admin__hint">
      {t('admin.widget.lastChanged', { when: formatDate(view.updatedAt), name: view.updatedBy.name })}
    </p>
  );
}

/**
 * Admin of the widget settings: what the chat widget asks and shows, and
 * which sites may embed it. One document, so no list: the form is open from
 * the start, and Save replaces the stored settings with exactly what the form
 * shows (the server takes them at once, no restart).
 */
export function WidgetSettingsAdmin({ canEdit }: { canEdit: boolean }) {
  const [view, setView] = useState<WidgetSettingsView | undefined>();
  const [draft, setDraft] = useState<WidgetSettingsDraft | undefined>();
  // What the last Save sent: the server names refused origins by index.
  const [sent, setSent] = useState<WidgetSettings | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const request = useAdminRequest();
  const { run } = request;

  const show = (next: WidgetSettingsView) => {
    setView(next);
    setDraft(toWidgetSettingsDraft(next));
  };
  useEffect(() => {
    void run(() => api.get<{ settings: WidgetSettingsView }>(PATH)).then((answer) => {
      if (!answer) return;
      setView(answer.settings);
      setDraft(toWidgetSettingsDraft(answer.settings));
    });
  }, [run]);

  const save = async () => {
    if (!draft) return;
    const body = toWidgetSettingsBody(draft);
    setSent(body);
    setNotice(undefined);
    const answer = await run(() => api.put<{ settings: WidgetSettingsView }>(PATH, body));
    if (!answer) return;
    show(answer.settings);
    setNotice(t('admin.saved'));
  };

  const error = describeWidgetSettingsError(request.error, sent);
  return (
    <div className="admin__pane">
      <div className="admin__toolbar">
        {!canEdit && <p className="admin__hint">{t('admin.readOnly')}</p>}
        {view && <LastChanged view={view} />}
        <span role="status" className="admin__notice">
          {notice}
        </span>
      </div>
      {!view && (error ? <FormErrorView error={error} /> : <p className="admin__hint">{t('admin.loading')}</p>)}
      {view && draft && (
        <WidgetSettingsForm
          draft={draft}
          readOnly={!canEdit}
          defaultOrigins={view.defaultAllowedOrigins}
          onChange={(next) => {
            setDraft(next);
            setNotice(undefined);
          }}
          onSave={() => void save()}
          onCancel={() => {
            request.clear();
            setDraft(toWidgetSettingsDraft(view));
          }}
          busy={request.busy}
          error={error}
        />
      )}
    </div>
  );
}
