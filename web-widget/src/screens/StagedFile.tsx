import type { Locale } from '@switchboard/shared';
import type { StagedUpload } from '@switchboard/shared/client';
import { useState } from 'react';
import type { T } from '../i18n';
import { formatSize, uploadErrorText } from './file-text';

interface StagedFileProps {
  t: T;
  locale: Locale;
  staged: StagedUpload;
  onRemove: () => void;
  onRetry: () => void;
}

/** The file about to be sent: preview, progress with cancel, or why it failed (with retry when it may work). */
export function StagedFile({ t, locale, staged, onRemove, onRetry }: StagedFileProps) {
  const percent = Math.round(staged.progress * 100);
  // The browser's guess said image, the bytes may not be one: then the file icon, not a broken picture.
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const preview = staged.previewUrl !== unreadable ? staged.previewUrl : null;
  const failed = staged.state === 'failed' && staged.error;
  return (
    <div className={failed ? 'sb-staged sb-staged-failed' : 'sb-staged'}>
      {preview ? (
        <img className="sb-staged-preview" src={preview} alt="" onError={() => setUnreadable(preview)} />
      ) : (
        <span className="sb-file-icon" aria-hidden="true" />
      )}
      <div className="sb-staged-body">
        <p className="sb-staged-name">
          {staged.name} <span className="sb-file-size">· {formatSize(locale, staged.size)}</span>
        </p>
        {staged.state === 'uploading' ? (
          <progress
            className="sb-progress"
            max={100}
            value={percent}
            aria-label={t('file.uploading', { percent: String(percent) })}
          />
        ) : null}
        {staged.state === 'ready' ? <p className="sb-staged-note">{t('file.ready')}</p> : null}
        {failed ? (
          <p className="sb-staged-error" role="alert">
            {uploadErrorText(t, locale, failed)}
            {failed.retryable ? (
              <>
                {' '}
                <button type="button" className="sb-link-button" onClick={onRetry}>
                  {t('retry')}
                </button>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className="sb-staged-remove"
        onClick={onRemove}
        aria-label={staged.state === 'uploading' ? t('file.cancel') : t('file.remove')}
        title={staged.state === 'uploading' ? t('file.cancel') : t('file.remove')}
      >
        ×
      </button>
    </div>
  );
}
