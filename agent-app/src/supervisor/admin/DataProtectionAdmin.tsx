import type { CustomerErased, CustomerMatch, RetentionReport } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/rest.js';
import { formatDate, t, UI_LOCALE } from '../../i18n/console.js';
import { useAdminRequest } from './admin-request.js';
import { AdminForm } from './AdminForm.js';
import { AdminTable, RowButton } from './AdminTable.js';
import { FormErrorView } from './FormErrorView.js';
import { TextField } from './FormFields.js';

/** Saves a customer's export as a JSON file in the admin's browser. */
function download(customerId: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `customer-${customerId}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

function RetentionPanel() {
  const [report, setReport] = useState<RetentionReport | undefined>();
  const request = useAdminRequest();
  const { run } = request;
  const load = useCallback(async () => {
    const answer = await run(() => api.get<{ retention: RetentionReport }>('/api/data-protection/retention'));
    if (answer) setReport(answer.retention);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);
  const apply = async () => {
    if (!window.confirm(t('privacy.retention.confirm', { count: report?.matched ?? 0 }))) return;
    const answer = await request.run(() =>
      api.post<{ retention: RetentionReport }>('/api/data-protection/retention/run', {}),
    );
    if (answer) await load();
  };
  return (
    <section className="admin__form" aria-labelledby="retention-heading">
      <h3 id="retention-heading" className="admin__subheading">
        {t('privacy.retention.heading')}
      </h3>
      <FormErrorView error={request.error} />
      {report === undefined ? null : report.days === null ? (
        <p>{t('privacy.retention.none')}</p>
      ) : (
        <>
          <p>
            {t(report.action === 'delete' ? 'privacy.retention.deletes' : 'privacy.retention.redacts', {
              count: report.days,
            })}
          </p>
          <p role="status">
            {t('privacy.retention.matched', { count: report.matched, cutoff: formatDate(report.cutoff ?? '') })}
          </p>
          <button
            type="button"
            className="button"
            disabled={request.busy || report.matched === 0}
            onClick={() => void apply()}
          >
            {t('privacy.retention.apply')}
          </button>
        </>
      )}
    </section>
  );
}

/** Data-protection requests (admins only): find a customer by email, export their data, erase it. */
export function DataProtectionAdmin() {
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<CustomerMatch[] | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const request = useAdminRequest();

  const search = async () => {
    setNotice(undefined);
    const answer = await request.run(() =>
      api.get<{ customers: CustomerMatch[] }>(
        `/api/data-protection/customers?email=${encodeURIComponent(email.trim())}`,
      ),
    );
    if (answer) setFound(answer.customers);
  };
  const exportData = async (customer: CustomerMatch) => {
    const data = await request.run(() => api.get<unknown>(`/api/data-protection/customers/${customer.id}/export`));
    if (data !== undefined) download(customer.id, data);
  };
  const erase = async (customer: CustomerMatch) => {
    if (!window.confirm(t('privacy.eraseConfirm', { who: customer.name ?? customer.email ?? customer.id }))) return;
    const answer = await request.run(() =>
      api.post<{ erased: CustomerErased }>(`/api/data-protection/customers/${customer.id}/erase`, {}),
    );
    if (!answer) return;
    const { conversations, messages, files } = answer.erased;
    setNotice(
      t('privacy.erased', {
        chats: t('privacy.count.chats', { count: conversations }),
        messages: t('privacy.count.messages', { count: messages }),
        files: t('privacy.count.files', { count: files }),
      }),
    );
    setFound((current) => current?.filter((each) => each.id !== customer.id));
  };

  return (
    <div className="admin__pane" lang={UI_LOCALE}>
      <p className="muted">{t('privacy.explain')}</p>
      <AdminForm className="admin__form admin__toolbar" onSubmit={() => void search()}>
        <TextField label={t('privacy.email')} id="privacy-email" type="email" value={email} onChange={setEmail} />
        <button type="submit" className="button button--primary" disabled={request.busy}>
          {t('privacy.find')}
        </button>
        <span role="status" className="admin__notice">
          {notice}
        </span>
      </AdminForm>
      <FormErrorView error={request.error} />
      {found && (
        <div className="admin__scroll">
          <AdminTable
            items={found}
            emptyText={t('privacy.none')}
            headings={[t('privacy.customer'), t('privacy.email'), t('privacy.conversations')]}
            rowClassName={() => undefined}
            cells={(customer) => (
              <>
                <th scope="row">{customer.name ?? customer.id}</th>
                <td>{customer.email ?? '—'}</td>
                <td className="cell--number">{customer.conversations}</td>
              </>
            )}
            actions={(customer) => (
              <>
                <RowButton
                  label={t('privacy.export')}
                  target={customer.name ?? customer.id}
                  onClick={() => void exportData(customer)}
                />
                <RowButton
                  label={t('privacy.erase')}
                  target={customer.name ?? customer.id}
                  danger
                  onClick={() => void erase(customer)}
                />
              </>
            )}
          />
        </div>
      )}
      <RetentionPanel />
    </div>
  );
}
