import { SUPPORTED_LOCALES, type ErrorPayload } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n';
import { formatSize, uploadErrorText } from './file-text';

const refusal = (reason: string): ErrorPayload => ({
  code: reason === 'type' ? 'UNSUPPORTED_MEDIA_TYPE' : 'PAYLOAD_TOO_LARGE',
  message: 'refused',
  retryable: false,
  details: { reason, maxBytes: 10 * 1024 * 1024, types: ['JPEG', 'PNG', 'PDF'] },
});

describe('why a file was not sent, in the customer’s words', () => {
  it('names the limit and the types in every language', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const text = uploadErrorText(translatorFor(locale), locale, refusal('type'));
      expect(text, locale).toContain('JPEG, PNG, PDF');
      expect(text, locale).toMatch(/10/);
      expect(text, locale).not.toMatch(/\{|\}/);
    }
    expect(uploadErrorText(translatorFor('en'), 'en', refusal('too-large'))).toBe(
      'This file is too large. Files up to 10 MB: JPEG, PNG, PDF.',
    );
  });

  it('has its own words for pixels, a full chat, a department without files, a rate limit and a network failure', () => {
    const t = translatorFor('en');
    const texts = [
      uploadErrorText(t, 'en', refusal('pixels')),
      uploadErrorText(t, 'en', refusal('conversation-full')),
      uploadErrorText(t, 'en', { ...refusal('not-allowed'), code: 'FORBIDDEN' }),
      uploadErrorText(t, 'en', { code: 'RATE_LIMITED', message: 'slow down', retryable: true }),
      uploadErrorText(t, 'en', { code: 'UNAVAILABLE', message: 'network', retryable: true }),
    ];
    expect(new Set(texts).size).toBe(5);
    expect(texts.at(-1)).toBe("We couldn't upload that file — please try again.");
  });

  it('writes sizes the way each language does', () => {
    expect(formatSize('en', 2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(formatSize('en', 850 * 1024)).toBe('850 kB');
    expect(formatSize('ru', 10 * 1024 * 1024)).toMatch(/^10\sМБ$/);
  });
});
