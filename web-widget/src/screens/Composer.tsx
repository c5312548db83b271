import { useRef, useState, type SyntheticEvent, type KeyboardEvent } from 'react';
import type { T } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { secretWarning, type SecretWarningKey } from './secret-guard';

interface ComposerProps {
  t: T;
  onSend: (body: string) => void;
  onTyping: (typing: boolean) => void;
}

/** Where the customer writes. Enter sends, Shift+Enter breaks the line; a likely secret is questioned first (X4). */
export function Composer({ t, onSend, onTyping }: ComposerProps) {
  const [text, setText] = useState('');
  const [warning, setWarning] = useState<SecretWarningKey[] | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  const send = () => {
    const body = text.trim();
    if (body === '') return;
    setWarning(null);
    setText('');
    onSend(body);
    input.current?.focus();
  };
  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault();
    if (text.trim() === '') return;
    const found = secretWarning(text);
    if (found) setWarning(found);
    else send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="sb-composer" onSubmit={submit}>
      <label htmlFor="sb-composer" className="sb-sr-only">
        {t('composer.label')}
      </label>
      <textarea
        id="sb-composer"
        ref={input}
        data-autofocus
        rows={1}
        maxLength={4000}
        placeholder={t('composer.placeholder')}
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          onTyping(event.currentTarget.value !== '');
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="sb-send" disabled={text.trim() === ''}>
        {t('composer.send')}
      </button>
      {warning ? (
        <ConfirmDialog
          id="sb-secret"
          title={t('secret.title')}
          confirmLabel={t('secret.send')}
          cancelLabel={t('secret.edit')}
          onConfirm={send}
          onCancel={() => setWarning(null)}
        >
          {warning.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
          <p>{t('secret.explain')}</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
