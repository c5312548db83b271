import type { TranscriptDeliveryView } from '@switchboard/shared';
import { formatDate, hasText, t } from '../i18n/index.js';
import { useTranscripts } from './use-transcripts.js';

const label = (key: string, fallback: string) => (hasText(key) ? t(key) : fallback);

function DeliveryLine({ entry }: { entry: TranscriptDeliveryView }) {
  const failure = entry.attempts.findLast((attempt) => attempt.outcome === 'failed')?.error;
  return (
    <li className="deliveries__item">
      <span className={`delivery-status delivery-status--${entry.status}`}>
        {label(`transcripts.status.${entry.status}`, entry.status)}
      </span>
      <span className="deliveries__to" title={entry.to}>
        {entry.to}
      </span>
      <span className="muted">
        {label(`transcripts.trigger.${entry.trigger}`, entry.trigger)} · {formatDate(entry.sentAt ?? entry.queuedAt)}
      </span>
      {entry.status !== 'sent' && failure && <span className="deliveries__error">{failure}</span>}
    </li>
  );
}

/** Transcript emails on request: the chat's transcript emails so far, and "email it to the customer now". */
export function TranscriptLog({ conversationId, email }: { conversationId: string; email: string | undefined }) {
  const { log, sending, sendError, send } = useTranscripts(conversationId);
  return (
    <section className="deliveries" aria-labelledby="deliveries-heading">
      <h3 id="deliveries-heading" className="subheading">
        {t('transcripts.heading')}
      </h3>
      {log === 'error' ? (
        <p className="muted">{t('customer.loadFailed')}</p>
      ) : log === undefined ? null : log.length === 0 ? (
        <p className="muted">{t('transcripts.none')}</p>
      ) : (
        <ul className="deliveries__list">
          {log.map((entry) => (
            <DeliveryLine key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      {email ? (
        <button type="button" className="button button--small" disabled={sending} onClick={send}>
          {sending ? t('transcripts.sending') : t('transcripts.send')}
        </button>
      ) : (
        <p className="muted">{t('transcripts.noEmail')}</p>
      )}
      {sendError && (
        <p className="notice notice--error" role="alert">
          {t('transcripts.sendFailed', { reason: sendError })}
        </p>
      )}
    </section>
  );
}
