import type { WebhookEndpointView, WebhookEndpointWithSecret } from '@switchboard/shared';
import { useCallback, useState } from 'react';
import { api } from '../../api/rest.js';
import { formatDate, t, UI_LOCALE } from '../../i18n/console.js';
import { AdminTable, RowButton } from './AdminTable.js';
import { AdminToolbar } from './AdminToolbar.js';
import { FormErrorView } from './FormErrorView.js';
import { useAdminList } from './use-admin-list.js';
import { WebhookDeliveries } from './WebhookDeliveries.js';
import { WebhookForm } from './WebhookForm.js';
import { toWebhookBody, toWebhookDraft, type WebhookDraft } from './webhook-form.js';

/** The secret of a new or rotated endpoint: shown once, then never again (the server keeps no way to show it). */
function SecretOnce(props: { shown: WebhookEndpointWithSecret; onDone: () => void }) {
  const until = props.shown.endpoint.previousSecretValidUntil;
  return (
    <div className="admin__form admin__secret" role="alert">
      <p className="field-label">{t('webhooks.secretTitle')}</p>
      <code className="admin__secret-value">{props.shown.secret}</code>
      {until && <p>{t('webhooks.secretRotated', { until: formatDate(until) })}</p>}
      <button type="button" className="button button--primary" onClick={props.onDone}>
        {t('webhooks.secretDone')}
      </button>
    </div>
  );
}

function statusOf(endpoint: WebhookEndpointView): string {
  if (endpoint.disabled?.reason === 'failing') {
    return t('webhooks.status.failing', {
      failures: endpoint.disabled.failures ?? endpoint.consecutiveFailures,
      at: formatDate(endpoint.disabled.at),
    });
  }
  return t(endpoint.enabled ? 'webhooks.status.on' : 'webhooks.status.off');
}

/** Outbound webhooks (admins only): endpoints, their secrets, their delivery logs. */
export function WebhooksAdmin() {
  const fetchEndpoints = useCallback(
    async () => (await api.get<{ endpoints: WebhookEndpointView[] }>('/api/webhooks')).endpoints,
    [],
  );
  const list = useAdminList<WebhookEndpointView, WebhookDraft>(fetchEndpoints);
  const { draft, request } = list;
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | undefined>();
  const [logOf, setLogOf] = useState<WebhookEndpointView | undefined>();
  // Endpoints Switchboard turned off for failing, with when: the notice above the list.
  const failing = (list.items ?? []).flatMap((endpoint) =>
    endpoint.disabled?.reason === 'failing' ? [{ endpoint, at: endpoint.disabled.at }] : [],
  );

  const save = () => {
    if (!draft) return;
    const body = toWebhookBody(draft);
    void list.saveDraft(async () => {
      if (draft.id) return api.patch(`/api/webhooks/${draft.id}`, body);
      const created = await api.post<WebhookEndpointWithSecret>('/api/webhooks', body);
      setSecret(created);
      return created;
    });
  };
  const act = (work: () => Promise<unknown>, message?: string) =>
    list.runAction(async () => {
      await work();
      return true;
    }, message);

  return (
    <div className="admin__pane" lang={UI_LOCALE}>
      <p className="muted">{t('webhooks.explain')}</p>
      {failing.map(({ endpoint, at }) => (
        <p key={endpoint.id} className="admin__error" role="alert">
          {t('webhooks.failingNotice', { url: endpoint.url, at: formatDate(at) })}
        </p>
      ))}
      <AdminToolbar canEdit onNew={() => list.openDraft(toWebhookDraft())} notice={list.notice} />
      {secret && <SecretOnce shown={secret} onDone={() => setSecret(undefined)} />}
      {!draft && <FormErrorView error={request.error} />}
      {draft && (
        <WebhookForm
          draft={draft}
          onChange={list.setDraft}
          onSave={save}
          onCancel={() => list.setDraft(undefined)}
          busy={request.busy}
          error={request.error}
        />
      )}
      {logOf && <WebhookDeliveries key={logOf.id} endpoint={logOf} onClose={() => setLogOf(undefined)} />}
      <div className="admin__scroll">
        <AdminTable
          items={list.items}
          emptyText={t('webhooks.empty')}
          headings={[t('webhooks.address'), t('webhooks.events'), t('webhooks.status')]}
          rowClassName={(endpoint) => (endpoint.enabled ? undefined : 'row--closed')}
          cells={(endpoint) => (
            <>
              <th scope="row" className="admin__url">
                {endpoint.url}
                {endpoint.description && <div className="muted">{endpoint.description}</div>}
              </th>
              <td>{endpoint.events.join(', ')}</td>
              <td>
                {statusOf(endpoint)}
                {endpoint.enabled && endpoint.consecutiveFailures > 0 && (
                  <div className="cell--amber">
                    {t('webhooks.failuresInRow', { count: endpoint.consecutiveFailures })}
                  </div>
                )}
              </td>
            </>
          )}
          actions={(endpoint) => (
            <>
              <RowButton label={t('webhooks.deliveries')} target={endpoint.url} onClick={() => setLogOf(endpoint)} />
              <RowButton
                label={t('admin.edit')}
                target={endpoint.url}
                onClick={() => list.openDraft(toWebhookDraft(endpoint))}
              />
              <RowButton
                label={t(endpoint.enabled ? 'webhooks.turnOff' : 'webhooks.turnOn')}
                target={endpoint.url}
                onClick={() =>
                  void act(
                    () => api.patch(`/api/webhooks/${endpoint.id}`, { enabled: !endpoint.enabled }),
                    t('admin.saved'),
                  )
                }
              />
              <RowButton
                label={t('webhooks.rotate')}
                target={endpoint.url}
                onClick={() =>
                  void act(async () =>
                    setSecret(
                      await api.post<WebhookEndpointWithSecret>(`/api/webhooks/${endpoint.id}/rotate-secret`, {}),
                    ),
                  )
                }
              />
              <RowButton
                label={t('webhooks.delete')}
                target={endpoint.url}
                danger
                onClick={() => {
                  if (!window.confirm(t('webhooks.deleteConfirm', { url: endpoint.url }))) return;
                  if (logOf?.id === endpoint.id) setLogOf(undefined);
                  void act(() => api.delete(`/api/webhooks/${endpoint.id}`), t('webhooks.deleted'));
                }}
              />
            </>
          )}
        />
      </div>
    </div>
  );
}
