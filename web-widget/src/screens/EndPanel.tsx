import type { ConversationView, CustomerView } from '@switchboard/shared';
import { useState, type SyntheticEvent } from 'react';
import type { ChatClient } from '../client/chat-client';
import { CASE_NUMBER_SLOT, CaseNumberText, joinSentences } from '../components/CaseNumberText';
import type { T } from '../i18n';

type Step = 'idle' | 'busy' | 'done' | 'failed';

/**
 * The end of a chat: rate it (once an advisor answered it: otherwise there is
 * nothing to rate), get the transcript, start again.
 */
export function EndPanel({
  t,
  client,
  conversation,
  customer,
  transcriptOffer,
}: {
  t: T;
  client: ChatClient;
  conversation: ConversationView;
  customer: CustomerView | null;
  transcriptOffer: boolean;
}) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [rated, setRated] = useState<Step>('idle');
  // A transcript goes only to the address the customer gave (the server refuses any other).
  const email = customer?.email;
  const [transcript, setTranscript] = useState<Step>('idle');
  const [transcriptLimited, setTranscriptLimited] = useState(false);
  const [sentTo, setSentTo] = useState('');

  const rate = (event: SyntheticEvent) => {
    event.preventDefault();
    if (rating === 0) return;
    setRated('busy');
    void client.rate(rating, comment.trim() || undefined).then((result) => setRated(result.ok ? 'done' : 'failed'));
  };
  const requestTranscript = (event: SyntheticEvent) => {
    event.preventDefault();
    setTranscript('busy');
    void client.requestTranscript().then((result) => {
      setTranscript(result.ok ? 'done' : 'failed');
      setTranscriptLimited(!result.ok && result.error.code === 'RATE_LIMITED');
      if (result.ok) setSentTo(result.data.to);
    });
  };

  return (
    <section className="sb-end" aria-labelledby="sb-end-title">
      <h2 id="sb-end-title" tabIndex={-1} data-autofocus>
        {t('end.title')}
      </h2>
      <p>
        <CaseNumberText
          text={joinSentences(t('end.thanks'), t('end.case', { caseNumber: CASE_NUMBER_SLOT }))}
          caseNumber={conversation.caseNumber}
        />
      </p>
      {!conversation.firstAgentReplyAt ? null : rated === 'done' ? (
        <p role="status">{t('rating.thanks')}</p>
      ) : (
        <form onSubmit={rate} className="sb-rating-form">
          <fieldset className="sb-rating">
            <legend>{t('rating.legend')}</legend>
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} className={value <= rating ? 'sb-star sb-star-on' : 'sb-star'}>
                <input
                  type="radio"
                  name="sb-rating"
                  value={value}
                  checked={rating === value}
                  onChange={() => setRating(value)}
                />
                <span aria-hidden="true">★</span>
                <span className="sb-sr-only">{t('rating.stars', { count: value })}</span>
              </label>
            ))}
          </fieldset>
          <label htmlFor="sb-rating-comment">{t('rating.comment')}</label>
          <textarea
            id="sb-rating-comment"
            rows={2}
            maxLength={1000}
            value={comment}
            onInput={(event) => setComment(event.currentTarget.value)}
          />
          {rated === 'failed' ? (
            <p className="sb-error" role="alert">
              {t('rating.failed')}
            </p>
          ) : null}
          <button type="submit" className="sb-secondary" disabled={rating === 0 || rated === 'busy'}>
            {t('rating.submit')}
          </button>
        </form>
      )}
      {!transcriptOffer || !email ? null : transcript === 'done' ? (
        <p role="status">{t('transcript.sent', { email: sentTo })}</p>
      ) : (
        <form onSubmit={requestTranscript} className="sb-transcript" aria-labelledby="sb-transcript-label">
          <p id="sb-transcript-label">
            <strong>{t('transcript.label')}</strong>
          </p>
          <p>{t('transcript.to', { email })}</p>
          <button type="submit" className="sb-secondary" disabled={transcript === 'busy'}>
            {t('transcript.send')}
          </button>
          {transcript === 'failed' ? (
            <p className="sb-error" role="alert">
              {t(transcriptLimited ? 'limit.transcript' : 'transcript.failed')}
            </p>
          ) : null}
        </form>
      )}
      <button type="button" className="sb-primary" onClick={() => client.newChat()}>
        {t('end.newChat')}
      </button>
    </section>
  );
}
