import type { StagedUpload } from '@switchboard/shared/client';
import { useState } from 'react';
import { t } from '../i18n/index.js';
import { formatSize, uploadErrorText } from './file-size.js';
import './attachments.css';

/** The file the agent is about to send: preview, progress with cancel, or why it failed (with retry). */
export function StagedFile({
  staged,
  onRemove,
  onRetry,
}: {
  staged: StagedUpload;
  onRemove: () => void;
  onRetry: () => void;
}) {
  const percent = Math.round(staged.progress * 100);
  // The browser's guess said image, the bytes may not be one: then no picture rather than a broken one.
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const preview = staged.previewUrl !== unreadable ? staged.previewUrl : null;
  const error = staged.state === 'failed' ? staged.error : undefined;
  return (
    <div className={`staged-file${error ? ' staged-file--failed' : ''}`}>
      {preview && <img className="staged-file__preview" src={preview} alt="" onError={() => setUnreadable(preview)} />}
      <div className="staged-file__body">
        <span className="staged-file__name">
          {staged.name} <span className="muted">· {formatSize(staged.size)}</span>
        </span>
        {staged.state === 'uploading' && (
          <progress max={100} value={percent} aria-label={t('files.uploading', { percent })} />
        )}
        {staged.state === 'ready' && <span className="muted">{t('files.ready')}</span>}
        {error && (
          <span className="staged-file__error" role="alert">
            {uploadErrorText(error)}{' '}
            {error.retryable && (
              <button type="button" className="link-button" onClick={onRetry}>
                {t('chat.retry')}
              </button>
            )}
          </span>
        )}
      </div>
      <button
        type="button"
        className="staged-file__remove"
        onClick={onRemove}
        aria-label={staged.state === 'uploading' ? t('files.cancel') : t('files.remove')}
        title={staged.state === 'uploading' ? t('files.cancel') : t('files.remove')}
      >
        ×
      </button>
    </div>
  );
}
