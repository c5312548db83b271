import { isAttachmentRefusal, type ErrorPayload } from '@switchboard/shared';
import { t, UI_LOCALE } from '../i18n/index.js';

const kilobytes = new Intl.NumberFormat(UI_LOCALE, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
const megabytes = new Intl.NumberFormat(UI_LOCALE, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

/** "2.4 MB", "850 kB". */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? megabytes.format(bytes / (1024 * 1024))
    : kilobytes.format(Math.max(1, Math.round(bytes / 1024)));
}

/** Why the desk could not send a file, in the agent's words. */
export function uploadErrorText(error: ErrorPayload): string {
  const details = error.details;
  if (error.code === 'RATE_LIMITED') return t('files.refused.rate');
  if (!isAttachmentRefusal(details)) return t('files.failed');
  const limits = { max: formatSize(details.maxBytes), types: details.types.join(', ') };
  switch (details.reason) {
    case 'type':
      return t('files.refused.type', limits);
    case 'too-large':
      return t('files.refused.tooLarge', limits);
    case 'pixels':
      return t('files.refused.pixels');
    case 'conversation-full':
      return t('files.refused.full');
    default:
      return t('files.refused.notAllowed');
  }
}
