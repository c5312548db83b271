import {
  SUPPORTED_LOCALES,
  type CustomerIdentity,
  type Locale,
  type PublicTopic,
  type WidgetPrefill,
} from '@switchboard/shared';
import { useState, type SyntheticEvent } from 'react';
import { topicLabel } from '../hooks/use-topics';
import type { T } from '../i18n';
import { LANGUAGE_NAMES } from '../i18n/locales';
import { openingTimeText } from '../text/opening-time';
import type { FieldMode, FormConfig } from '../prechat/form-config';
import { validatePrechat, type PrechatErrors, type PrechatValues } from '../prechat/validate';
import { Field } from './Field';

interface PrechatFormProps {
  t: T;
  locale: Locale;
  onLocale: (locale: Locale) => void;
  topics: readonly PublicTopic[];
  form: FormConfig;
  /** The deployment's welcome line in this language, if its admins wrote one. */
  greeting: string | undefined;
  prefill: WidgetPrefill;
  identity: CustomerIdentity | null;
  busy: boolean;
  /** A message to show above the button (e.g. the start failed). */
  problem: string | null;
  onStart: (values: PrechatValues) => void;
  /** The chosen topic's team is closed: go to the offline form with what was typed. */
  onLeaveMessage: (values: PrechatValues) => void;
}

/** The pre-chat form: who the customer is and what they need, in as few fields as the deployment allows. */
export function PrechatForm(props: PrechatFormProps) {
  const { t, locale, topics, form, identity } = props;
  const [values, setValues] = useState<PrechatValues>(() => ({
    name: props.prefill.name ?? '',
    email: props.prefill.email ?? '',
    topic:
      topics.find((topic) => topic.key === props.prefill.topic)?.key ??
      (topics.length === 1 ? (topics[0]?.key ?? '') : ''),
    region: props.prefill.region ?? '',
  }));
  const [errors, setErrors] = useState<PrechatErrors>({});
  const chosen = topics.find((topic) => topic.key === values.topic);
  const closed = chosen !== undefined && !chosen.openNow;
  const opensAt = closed && chosen.nextOpeningAt ? openingTimeText(locale, chosen.nextOpeningAt, new Date()) : null;
  // A customer the host page identified (signed with its secret) is not asked who they are again.
  const askName = identity === null && form.name !== 'hidden';
  const askEmail = identity === null && form.email !== 'hidden';
  const askTopic = topics.length > 0 && form.topic !== 'hidden';

  const set = (field: keyof PrechatValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const hint = (mode: FieldMode) => (mode === 'optional' ? t('field.optional') : undefined);
  const error = (field: keyof PrechatValues) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const asked: FormConfig = {
      ...form,
      ...(askName ? {} : { name: 'hidden' }),
      ...(askEmail ? {} : { email: 'hidden' }),
    };
    const found = validatePrechat(values, asked, askTopic);
    if (closed && !values.email.trim() && identity === null) found.email ??= 'error.email';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      // Take the customer to the first field to fix; its message is read out with it.
      event.currentTarget.querySelector<HTMLElement>(`#sb-${first}`)?.focus();
      return;
    }
    if (closed) props.onLeaveMessage(values);
    else props.onStart(values);
  };

  return (
    <form className="sb-form" noValidate onSubmit={submit} aria-busy={props.busy}>
      <p className="sb-intro">
        {identity?.name ? t('prechat.introKnown', { name: identity.name }) : (props.greeting ?? t('prechat.intro'))}
      </p>
      {askName ? (
        <Field id="sb-name" label={t('field.name')} hint={hint(form.name)} error={error('name')}>
          {(aria) => (
            <input
              {...aria}
              aria-required={form.name === 'required'}
              type="text"
              autoComplete="name"
              maxLength={100}
              value={values.name}
              onInput={(event) => set('name')(event.currentTarget.value)}
            />
          )}
        </Field>
      ) : null}
      {askEmail ? (
        <Field id="sb-email" label={t('field.email')} hint={hint(form.email)} error={error('email')}>
          {(aria) => (
            <input
              {...aria}
              aria-required={form.email === 'required'}
              type="email"
              autoComplete="email"
              inputMode="email"
              maxLength={254}
              value={values.email}
              onInput={(event) => set('email')(event.currentTarget.value)}
            />
          )}
        </Field>
      ) : null}
      {askTopic ? (
        <Field id="sb-topic" label={t('field.topic')} hint={hint(form.topic)} error={error('topic')}>
          {(aria) => (
            <select
              {...aria}
              aria-required={form.topic === 'required'}
              value={values.topic}
              onChange={(event) => set('topic')(event.currentTarget.value)}
            >
              <option value="" disabled={form.topic === 'required'}>
                {t('field.topicChoose')}
              </option>
              {topics.map((topic) => (
                <option key={topic.key} value={topic.key}>
                  {topicLabel(topic, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {form.language !== 'hidden' ? (
        <Field id="sb-language" label={t('field.language')}>
          {(aria) => (
            <select {...aria} value={locale} onChange={(event) => props.onLocale(event.currentTarget.value as Locale)}>
              {SUPPORTED_LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {form.region !== 'hidden' ? (
        <Field id="sb-region" label={t('field.region')} hint={hint(form.region)} error={error('region')}>
          {(aria) => (
            <input
              {...aria}
              aria-required={form.region === 'required'}
              type="text"
              autoComplete="country-name"
              maxLength={64}
              value={values.region}
              onInput={(event) => set('region')(event.currentTarget.value)}
            />
          )}
        </Field>
      ) : null}
      {closed ? (
        <p className="sb-note" role="status">
          {t('prechat.topicClosed')}
          {opensAt ? ` ${t('queue.offline.opensAt', { when: opensAt })}` : ''}
        </p>
      ) : null}
      {props.problem ? (
        <p className="sb-error" role="alert">
          {props.problem}
        </p>
      ) : null}
      <button type="submit" className="sb-primary" disabled={props.busy}>
        {props.busy ? t('prechat.starting') : closed ? t('leaveMessage') : t('prechat.submit')}
      </button>
    </form>
  );
}
