import type { Locale, QueueUpdate } from '@switchboard/shared';
import { queuePositionText, translate, waitEstimateText } from '@switchboard/shared/i18n';
import { joinSentences } from '../components/CaseNumberText';
import type { T } from '../i18n';
import { openingTimeText } from '../text/opening-time';

/**
 * The wait: where the customer stands and for how long, what to do meanwhile,
 * and the way out to the offline form when nobody can come.
 */
export function QueueBanner({
  t,
  locale,
  queue,
  onLeaveMessage,
}: {
  t: T;
  locale: Locale;
  queue: QueueUpdate | null;
  onLeaveMessage: () => void;
}) {
  const waiting = queue !== null && queue.position > 0;
  const offline = queue?.offline ?? null;
  const opensAt = queue?.nextOpeningAt ? openingTimeText(locale, queue.nextOpeningAt, new Date()) : null;
  return (
    <section className="sb-queue" aria-labelledby="sb-queue-title">
      <h2 id="sb-queue-title">{t('queue.title')}</h2>
      <div role="status" aria-live="polite">
        {offline ? (
          // Nobody can answer now: "an advisor will be with you in a moment" and a wait estimate
          // would be false promises beside the reason. Only a place behind others stays, as a fact.
          <>
            <p className="sb-queue-position">{t(`queue.offline.${offline}`)}</p>
            {queue && queue.position > 1 ? <p>{queuePositionText(locale, queue.position)}</p> : null}
          </>
        ) : waiting ? (
          <>
            <p className="sb-queue-position">{queuePositionText(locale, queue.position)}</p>
            <p>{waitEstimateText(locale, queue.estimatedWaitSeconds)}</p>
          </>
        ) : (
          <p>{t('queue.finding')}</p>
        )}
      </div>
      {/* Nobody can answer now: the hint gives both ways on, as the chat's own line does (keep the
          chat open, or leave a message), so the keep-open note would only repeat its first half. */}
      {offline ? (
        <div className="sb-queue-offline">
          <p>
            {opensAt
              ? joinSentences(t('queue.offline.opensAt', { when: opensAt }), t('queue.offline.hint'))
              : t('queue.offline.hint')}
          </p>
          <button type="button" className="sb-secondary" onClick={onLeaveMessage}>
            {t('leaveMessage')}
          </button>
        </div>
      ) : (
        <p className="sb-note">{translate(locale, 'queue.keepOpen')}</p>
      )}
    </section>
  );
}
