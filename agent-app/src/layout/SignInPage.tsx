import type { AgentSession } from '@switchboard/shared';
import { useState, type SyntheticEvent } from 'react';
import { api, ApiError } from '../api/rest.js';
import type { EndReason } from '../desk/desk-state.js';
import { t, type TextKey } from '../i18n/index.js';

export type SignInNotice = EndReason | 'unreachable';

const NOTICES: Record<SignInNotice, TextKey> = {
  expired: 'signIn.expired',
  'signed-out': 'signIn.signedOut',
  deactivated: 'signIn.deactivated',
  unreachable: 'signIn.unreachable',
};

export function SignInPage({
  notice,
  onSignedIn,
}: {
  notice?: SignInNotice | undefined;
  onSignedIn: (session: AgentSession) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .signIn(email.trim(), password)
      .then(onSignedIn)
      .catch((caught: unknown) => {
        const rateLimited = caught instanceof ApiError && caught.error.code === 'RATE_LIMITED';
        setError(
          caught instanceof ApiError
            ? rateLimited
              ? caught.error.message
              : t('signIn.failed')
            : t('signIn.unreachable'),
        );
        setBusy(false);
      });
  };

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-heading">
        <p className="brand">{t('app.title')}</p>
        <h1 id="sign-in-heading">{t('signIn.heading')}</h1>
        {notice && !error && (
          <p className="notice" role="status">
            {t(NOTICES[notice])}
          </p>
        )}
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="sign-in-email">{t('signIn.email')}</label>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          // The page has one thing to do: start there, as the desk starts at the chats.
          autoFocus
          required
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
          }}
        />
        <label htmlFor="sign-in-password">{t('signIn.password')}</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
