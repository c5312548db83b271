import {
  ATTACHMENT_TYPE_NAMES,
  ATTACHMENT_TYPES,
  type AttachmentSettings,
  type AttachmentType,
  type DepartmentView,
} from '@switchboard/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/rest.js';
import { t } from '../../i18n/console.js';
import { useAdminRequest } from './admin-request.js';
import { AdminForm, FormFooter } from './AdminForm.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { FormErrorView } from './FormErrorView.js';
import { TextField } from './FormFields.js';

const PATH = '/api/attachment-settings';
const MB = 1024 * 1024;

interface Draft {
  maxMegabytes: string;
  types: AttachmentType[];
  retentionDays: string;
  customerUploadsOffIn: string[];
}

const toDraft = (settings: AttachmentSettings): Draft => ({
  maxMegabytes: String(Math.round((settings.maxBytes / MB) * 10) / 10),
  types: settings.types,
  retentionDays: String(settings.retentionDays),
  customerUploadsOffIn: settings.customerUploadsOffIn,
});

// The server validates (and names what it refused); the form only turns text into numbers.
const toBody = (draft: Draft): AttachmentSettings => ({
  maxBytes: Math.round(Number(draft.maxMegabytes) * MB),
  types: draft.types,
  retentionDays: Number(draft.retentionDays),
  customerUploadsOffIn: draft.customerUploadsOffIn,
});

/**
 * Files in chats: the largest file, the types allowed (decided by the bytes),
 * how long files are kept, and departments whose customers may not send
 * files. One document, saved whole; admins edit, supervisors read.
 */
export function FilesAdmin({ canEdit }: { canEdit: boolean }) {
  const [saved, setSaved] = useState<AttachmentSettings | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [departments, setDepartments] = useState<DepartmentView[]>([]);
  const [notice, setNotice] = useState<string | undefined>();
  const request = useAdminRequest();
  const { run } = request;

  useEffect(() => {
    void run(async () => {
      const [answer, listed] = await Promise.all([
        api.get<{ settings: AttachmentSettings }>(PATH),
        api.get<{ departments: DepartmentView[] }>('/api/departments'),
      ]);
      setSaved(answer.settings);
      setDraft(toDraft(answer.settings));
      setDepartments(listed.departments);
    });
  }, [run]);

  const save = async () => {
    if (!draft) return;
    setNotice(undefined);
    const answer = await run(() => api.put<{ settings: AttachmentSettings }>(PATH, toBody(draft)));
    if (!answer) return;
    setSaved(answer.settings);
    setDraft(toDraft(answer.settings));
    setNotice(t('admin.saved'));
  };

  return (
    <div className="admin__pane">
      <div className="admin__toolbar">
        {!canEdit && <p className="admin__hint">{t('admin.readOnly')}</p>}
        <span role="status" className="admin__notice">
          {notice}
        </span>
      </div>
      {!draft &&
        (request.error ? <FormErrorView error={request.error} /> : <p className="admin__hint">{t('admin.loading')}</p>)}
      {draft && saved && (
        <AdminForm className="admin__form" onSubmit={() => void save()}>
          <fieldset className="widget-settings__body" disabled={!canEdit}>
            <TextField
              label={t('admin.files.maxSize')}
              id="files-max-size"
              type="number"
              value={draft.maxMegabytes}
              hint={t('admin.files.maxSize.hint')}
              onChange={(maxMegabytes) => setDraft({ ...draft, maxMegabytes })}
            />
            <CheckboxGroup
              legend={t('admin.files.types')}
              options={ATTACHMENT_TYPE_NAMES.map((type) => ({ value: type, label: ATTACHMENT_TYPES[type].label }))}
              selected={draft.types}
              onChange={(types) => setDraft({ ...draft, types: types as AttachmentType[] })}
            />
            <TextField
              label={t('admin.files.retention')}
              id="files-retention"
              type="number"
              value={draft.retentionDays}
              hint={t('admin.files.retention.hint')}
              onChange={(retentionDays) => setDraft({ ...draft, retentionDays })}
            />
            <CheckboxGroup
              legend={t('admin.files.customersOff')}
              options={departments.map((department) => ({ value: department.id, label: department.name }))}
              selected={draft.customerUploadsOffIn}
              onChange={(customerUploadsOffIn) => setDraft({ ...draft, customerUploadsOffIn })}
            />
          </fieldset>
          {canEdit && (
            <FormFooter
              error={request.error}
              busy={request.busy}
              onCancel={() => {
                request.clear();
                setDraft(toDraft(saved));
              }}
              cancelLabel={t('admin.widget.discard')}
            />
          )}
        </AdminForm>
      )}
    </div>
  );
}
