import type { WebhookDeliveryView, WebhookEndpointView } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/rest.js';
import { formatDate, t, type TextKey } from '../../i18n/console.js';
import { useAdminRequest } from './admin-request.js';
import { AdminTable, RowButton } from './AdminTable.js';
import { FormErrorView } from './FormErrorView.js';

/** One endpoint's latest deliveries: how each went, and "Redeliver" to send one again now. */
export function WebhookDeliveries(props: { endpoint: WebhookEndpointView; onClose: () => void }) {
  const { endpoint } = props;
  const [deliveries, setDeliveries] = useState<WebhookDeliveryView[] | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const request = useAdminRequest();
  const { run } = request;
  const load = useCallback(async () => {
    const answer = await run(() =>
      api.get<{ deliveries: WebhookDeliveryView[] }>(`/api/webhooks/${endpoint.id}/deliveries?limit=50`),
    );
    setDeliveries(answer?.deliveries ?? []);
  }, [endpoint.id, run]);
  useEffect(() => {
    void load();
  }, [load]);

  const redeliver = async (delivery: WebhookDeliveryView) => {
    const done = await request.run(() =>
      api.post(`/api/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`, {}),
    );
    if (done === undefined) return;
    setNotice(t('webhooks.log.redelivering'));
    await load();
  };

  return (
    <section className="admin__form" aria-labelledby="webhook-log-heading">
      <h3 id="webhook-log-heading" className="admin__subheading">
        {t('webhooks.log.heading', { url: endpoint.url })}
      </h3>
      <div className="admin__toolbar">
        <button type="button" className="button" onClick={() => void load()}>
          {t('webhooks.log.refresh')}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {t('webhooks.log.close')}
        </button>
        <span role="status" className="admin__notice">
          {notice}
        </span>
      </div>
      <FormErrorView error={request.error} />
      <div className="admin__scroll">
        <AdminTable
          items={deliveries}
          emptyText={t('webhooks.log.empty')}
          headings={[
            t('webhooks.log.when'),
            t('webhooks.log.event'),
            t('webhooks.log.status'),
            t('webhooks.log.attempts'),
            t('webhooks.log.response'),
            t('webhooks.log.latency'),
            t('webhooks.log.error'),
          ]}
          rowClassName={(delivery) => (delivery.status === 'failed' ? 'row--alert' : undefined)}
          cells={(delivery) => (
            <>
              <th scope="row">{formatDate(delivery.lastAttemptAt ?? delivery.createdAt)}</th>
              <td>{delivery.event}</td>
              <td>{t(`webhooks.delivery.${delivery.status}` as TextKey)}</td>
              <td className="cell--number">{delivery.attempts}</td>
              <td className="cell--number">{delivery.responseStatus ?? '—'}</td>
              <td className="cell--number">{delivery.latencyMs === undefined ? '—' : `${delivery.latencyMs} ms`}</td>
              <td>{delivery.error ?? ''}</td>
            </>
          )}
          actions={(delivery) => (
            <RowButton
              label={t('webhooks.log.redeliver')}
              target={`${delivery.event} ${formatDate(delivery.createdAt)}`}
              onClick={() => void redeliver(delivery)}
            />
          )}
        />
      </div>
    </section>
  );
}
