import type { AttachmentView, Locale } from '@switchboard/shared';
import type { T } from '../i18n';
import { formatSize } from './file-text';

/** A file in a message: an image as a thumbnail that opens full size, anything else as a named chip. */
export function AttachmentItem({ t, locale, attachment }: { t: T; locale: Locale; attachment: AttachmentView }) {
  if (attachment.removed || !attachment.url) {
    return <p className="sb-file sb-file-removed">{t('file.removed')}</p>;
  }
  if (attachment.kind === 'image' && attachment.thumbnailUrl) {
    return (
      <a
        className="sb-image-link"
        href={attachment.url}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={t('file.open', { name: attachment.name })}
      >
        <img className="sb-thumbnail" src={attachment.thumbnailUrl} alt={attachment.name} loading="lazy" />
      </a>
    );
  }
  return (
    <a className="sb-file" href={attachment.url} target="_blank" rel="noopener noreferrer" download={attachment.name}>
      <span className="sb-file-icon" aria-hidden="true" />
      <span className="sb-file-name">{attachment.name}</span>
      <span className="sb-file-size">{formatSize(locale, attachment.size)}</span>
    </a>
  );
}
