import type { AttachmentRefusal, ErrorPayload, Locale } from '@switchboard/shared';
import type { T } from '../i18n';

const sizeFormats = new Map<Locale, Intl.NumberFormat[]>();

/** "2.4 MB", "850 kB", in the reader's language and units. */
export function formatSize(locale: Locale, bytes: number): string {
  let formats = sizeFormats.get(locale);
  if (!formats) {
    formats = (['kilobyte', 'megabyte'] as const).map(
      (unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }),
    );
    sizeFormats.set(locale, formats);
  }
  const [kilobytes, megabytes] = formats as [Intl.NumberFormat, Intl.NumberFormat];
  return bytes >= 1024 * 1024
    ? megabytes.format(bytes / (1024 * 1024))
    : kilobytes.format(Math.max(1, Math.round(bytes / 1024)));
}

// The widget bundle leaves zod (and so shared's main entry) out: a local check of the refusal's shape.
const isRefusal = (details: unknown): details is AttachmentRefusal =>
  typeof (details as AttachmentRefusal | null)?.reason === 'string' &&
  typeof (details as AttachmentRefusal).maxBytes === 'number' &&
  Array.isArray((details as AttachmentRefusal).types);

/** Why a file was not sent, as the customer should read it ("Files up to 10 MB: JPEG, PNG, PDF"). */
export function uploadErrorText(t: T, locale: Locale, error: ErrorPayload): string {
  if (error.code === 'RATE_LIMITED') return t('file.refused.rate');
  const details = error.details;
  if (!isRefusal(details)) return t('file.failed');
  const limits = { max: formatSize(locale, details.maxBytes), types: details.types.join(', ') };
  switch (details.reason) {
    case 'type':
      return t('file.refused.type', limits);
    case 'too-large':
      return t('file.refused.tooLarge', limits);
    case 'pixels':
      return t('file.refused.pixels');
    case 'conversation-full':
      return t('file.refused.full');
    default:
      return t('file.refused.notAllowed');
  }
}
