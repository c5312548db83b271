import type { AttachmentView } from '@switchboard/shared';
import { t } from '../i18n/index.js';
import { formatSize } from './file-size.js';
import './attachments.css';

/** Thumbnails show at most this big (attachments.css). */
const THUMBNAIL_BOX = 240;

/**
 * The size a picture will show at, known before it loads, so the list keeps
 * its room: scrolled to a new message, it stays at the bottom once the
 * picture arrives instead of ending half-way up it.
 */
function shownSize(attachment: AttachmentView): { width: number; height: number } | undefined {
  const { width, height } = attachment;
  if (!width || !height) return undefined;
  const scale = Math.min(1, THUMBNAIL_BOX / width, THUMBNAIL_BOX / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

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
        <img src={attachment.thumbnailUrl} alt={attachment.name} loading="lazy" {...shownSize(attachment)} />
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
