import type { Locale } from '@switchboard/shared';

const WEEK_MS = 6 * 24 * 3600 * 1000;

/**
 * When a closed department opens again, in the customer's language and own
 * time zone: the weekday and time, plus the date when it is more than six days
 * away (a holiday week), so "Monday" never means the wrong Monday.
 */
export function openingTimeText(locale: Locale, openingIso: string, now: Date, timeZone?: string): string | null {
  const opening = new Date(openingIso);
  if (Number.isNaN(opening.getTime())) return null;
  const far = opening.getTime() - now.getTime() > WEEK_MS;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    ...(far ? { day: 'numeric', month: 'long' } : {}),
    ...(timeZone ? { timeZone } : {}),
  }).format(opening);
}
