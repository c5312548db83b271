import type { Locale } from '@switchboard/shared';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { StagedUpload } from '@switchboard/shared/client';
import type { T } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { secretWarning, type SecretWarningKey } from './secret-guard';
import { StagedFile } from './StagedFile';

interface ComposerProps {
  t: T;
  locale: Locale;
  onSend: (body: string) => void;
  onTyping: (typing: boolean) => void;
  staged: StagedUpload | null;
  /** The chat's department takes customer files: the attach button shows. */
  filesAllowed: boolean;
  onAttach: (file: File) => void;
  onRemoveFile: () => void;
  onRetryFile: () => void;
}

/**
 * Where the customer writes. Enter sends, Shift+Enter breaks the line; a
 * likely password or card number is questioned first.
 */
export function Composer({ t, locale, onSend, onTyping, staged, filesAllowed, ...files }: ComposerProps) {
  const [text, setText] = useState('');
  const [warning, setWarning] = useState<SecretWarningKey[] | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const fileReady = staged?.state === 'ready';
  const canSend = text.trim() !== '' || fileReady;

  const send = () => {
    const body = text.trim();
    if (body === '' && !fileReady) return;
    setWarning(null);
    setText('');
    onSend(body);
    input.current?.focus();
  };
  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault();
    if (!canSend) return;
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

  // A screenshot pasted into the message box is attached, as messengers do.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = event.clipboardData.files[0];
    if (!file) return;
    event.preventDefault();
    files.onAttach(file);
  };

  return (
    <form className="sb-composer" onSubmit={submit}>
      {staged ? (
        <StagedFile t={t} locale={locale} staged={staged} onRemove={files.onRemoveFile} onRetry={files.onRetryFile} />
      ) : null}
      {filesAllowed ? (
        <>
          <input
            ref={picker}
            type="file"
            className="sb-sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) files.onAttach(file);
              event.currentTarget.value = '';
            }}
          />
          <button
            type="button"
            className="sb-attach"
            aria-label={t('file.attach')}
            title={t('file.attach')}
            onClick={() => picker.current?.click()}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path
                d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
              />
            </svg>
          </button>
        </>
      ) : null}
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
        onPaste={onPaste}
      />
      <button type="submit" className="sb-send" disabled={!canSend}>
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
