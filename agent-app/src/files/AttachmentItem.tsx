import type { AttachmentView } from '@switchboard/shared';
import { t } from '../i18n/index.js';
import { formatSize } from './file-size.js';
import './attachments.css';

/** A file in a message: a thumbnail opening full size for images, a named chip for anything else. */
export function AttachmentItem({ attachment }: { attachment: AttachmentView }) {
  if (attachment.removed || !attachment.url) {
    return <p className="attachment attachment--removed">{t('files.removed')}</p>;
  }
  if (attachment.kind === 'image' && attachment.thumbnailUrl) {
    return (
      <a
        className="attachment__image"
        href={attachment.url}
        target="_blank"
        rel="noopener noreferrer"
        title={t('files.open', { name: attachment.name })}
      >
        <img src={attachment.thumbnailUrl} alt={attachment.name} loading="lazy" />
      </a>
    );
  }
  return (
    <a
      className="attachment attachment--file"
      href={attachment.url}
      target="_blank"
      rel="noopener noreferrer"
      download={attachment.name}
    >
      <span className="attachment__name">{attachment.name}</span>
      <span className="muted">{formatSize(attachment.size)}</span>
    </a>
  );
}
