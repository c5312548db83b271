import type { CustomerIdentity, MessageLeft } from '@switchboard/shared';
import { useState, type SyntheticEvent } from 'react';
import { CASE_NUMBER_SLOT, CaseNumberText } from '../components/CaseNumberText';
import { Field } from '../components/Field';
import type { PrechatValues } from '../prechat/validate';
import { isEmail, webPage } from '../prechat/validate';
import type { ScreenProps } from './ConversationView';

interface OfflineFormProps extends ScreenProps {
  draft: PrechatValues;
  identity: CustomerIdentity | null;
  pageUrl: string | undefined;
  onCancel: () => void;
}

/** The offline form: nobody can chat now; leave a message and an email, answered later by email. */
export function OfflineForm({ t, locale, client, draft, identity, pageUrl, onCancel }: OfflineFormProps) {
  const [name, setName] = useState(draft.name === '' ? (identity?.name ?? '') : draft.name);
  const [email, setEmail] = useState(draft.email === '' ? (identity?.email ?? '') : draft.email);
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ email?: string; body?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...(email.trim() === ''
        ? { email: t('error.email') }
        : isEmail(email.trim())
          ? {}
          : { email: t('error.emailInvalid') }),
      ...(body.trim() === '' ? { body: t('error.message') } : {}),
    };
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) return event.currentTarget.querySelector<HTMLElement>(`#sb-offline-${first}`)?.focus();
    setBusy(true);
    setFailed(false);
    void client
      .leaveMessage({
        body: body.trim(),
        prechat: {
          topic: draft.topic || 'general',
          language: locale,
          email: email.trim(),
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(draft.region.trim() ? { region: draft.region.trim() } : {}),
          ...(webPage(pageUrl) ? { pageUrl } : {}),
        },
      })
      .then((result) => {
        setBusy(false);
        setFailed(!result.ok);
      });
  };

  return (
    <form className="sb-form" noValidate onSubmit={submit}>
      <h2>{t('offline.title')}</h2>
      <p className="sb-intro">{t('offline.intro')}</p>
      <Field id="sb-offline-name" label={t('field.name')} hint={t('field.optional')}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            autoComplete="name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="sb-offline-email" label={t('field.email')} error={errors.email}>
        {(aria) => (
          <input
            {...aria}
            type="email"
            autoComplete="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="sb-offline-body" label={t('field.message')} error={errors.body}>
        {(aria) => (
          <textarea {...aria} rows={5} maxLength={4000} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        )}
      </Field>
      {failed ? (
        <p className="sb-error" role="alert">
          {t('offline.failed')}
        </p>
      ) : null}
      <div className="sb-actions">
        <button type="button" className="sb-secondary" onClick={onCancel}>
          {t('back')}
        </button>
        <button type="submit" className="sb-primary" disabled={busy}>
          {t('offline.send')}
        </button>
      </div>
    </form>
  );
}

/** The confirmation after a message was left: where the answer goes and the case number. */
export function OfflineSent({ t, left, onDone }: ScreenProps & { left: MessageLeft; onDone: () => void }) {
  return (
    <section className="sb-form" aria-labelledby="sb-left-title">
      <h2 id="sb-left-title" tabIndex={-1} data-autofocus>
        {t('offline.sentTitle')}
      </h2>
      <p role="status">
        <CaseNumberText
          text={t('offline.sentBody', { email: left.email, caseNumber: CASE_NUMBER_SLOT })}
          caseNumber={left.caseNumber}
        />
      </p>
      <button type="button" className="sb-primary" onClick={onDone}>
        {t('end.newChat')}
      </button>
    </section>
  );
}
