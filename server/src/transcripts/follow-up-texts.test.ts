import { SUPPORTED_LOCALES } from '@switchboard/shared';
import { placeholdersOf } from '@switchboard/shared/i18n';
import { describe, expect, it } from 'vitest';
import { RATING_PAGE_TEXTS } from '../feedback/rating-page-texts.js';
import { renderRatingPage } from '../feedback/rating-page.js';
import { replyContent, type VisibleMessage } from './reply-content.js';
import { REPLY_EMAIL_TEXTS } from './reply-email-texts.js';
import { renderReplyEmail } from './reply-email.js';

const catalogues = { reply: REPLY_EMAIL_TEXTS, rating: RATING_PAGE_TEXTS } as const;

describe.each(Object.entries(catalogues))('the %s texts', (_name, texts) => {
  const english = texts.en as Readonly<Record<string, string>>;

  it.each(SUPPORTED_LOCALES)('%s has every English key with the same placeholders, trimmed', (locale) => {
    const catalogue = texts[locale] as Readonly<Record<string, string>>;
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(catalogue)) {
      expect({ key, names: placeholdersOf(text) }).toEqual({ key, names: placeholdersOf(english[key]!) });
      expect(text.trim()).toBe(text);
    }
  });

  it('uses French no-break spaces before two-part punctuation', () => {
    for (const [key, text] of Object.entries(texts.fr as Readonly<Record<string, string>>)) {
      expect({ key, bad: /[^\u00a0\u202f][?!:;»]/.test(text.replace(/\{\w+\}/g, 'x')) }).toEqual({ key, bad: false });
    }
  });
});

const message = (id: string, kind: 'customer' | 'agent' | 'system', body: string, minute: number): VisibleMessage => ({
  _id: { toHexString: () => id },
  author: { kind, ...(kind === 'agent' ? { displayName: 'Lei' } : {}) },
  body,
  createdAt: new Date(Date.UTC(2026, 11, 7, 9, minute)),
});

describe('the reply to a message left offline', () => {
  const visible = [
    message('m1', 'customer', 'My screen stays black.', 0),
    message('m2', 'system', "You're now chatting with Lei.", 30),
    message('m3', 'agent', 'Hold the side button for 10 seconds.', 31),
    message('m4', 'customer', 'It worked, but the sound is gone.', 50),
    message('m5', 'agent', 'Check the mute switch <b>first</b>.', 55),
  ];
  const conversation = { caseNumber: 'SB-2026-000042', prechat: { name: 'Marie' }, agentCard: { displayName: 'Lei' } };

  it('answers what the customer wrote since the previous reply, or their first message', () => {
    const first = replyContent(conversation, visible, 'reply-m3', 'en', 'UTC');
    expect(first).toMatchObject({ reply: 'Hold the side button for 10 seconds.', agentName: 'Lei' });
    expect(first.original?.body).toBe('My screen stays black.');
    const second = replyContent(conversation, visible, 'reply-m5', 'en', 'UTC');
    expect(second.original?.body).toBe('It worked, but the sound is gone.');
    // An id it cannot find (a message id it does not know): the newest reply.
    expect(replyContent(conversation, visible, 'reply-unknown', 'en', 'UTC').reply).toContain('mute switch');
  });

  it.each(SUPPORTED_LOCALES)(
    '%s: a reply with the case number, how to answer, and the quote, never system lines',
    (locale) => {
      const email = renderReplyEmail(replyContent(conversation, visible, 'reply-m5', locale, 'Europe/Paris'));
      expect(email.subject.startsWith('Re: ')).toBe(true);
      expect(email.subject).toContain('SB-2026-000042');
      expect(email.text).toContain('Check the mute switch <b>first</b>.');
      expect(email.text).toContain('> It worked, but the sound is gone.');
      expect(email.text).toContain('SB-2026-000042');
      expect(email.text).not.toContain("You're now chatting");
      expect(email.html).toContain('Check the mute switch &lt;b&gt;first&lt;/b&gt;.');
      expect(email.html).not.toContain('<b>first</b>');
    },
  );
});

describe('the rating page', () => {
  it.each(SUPPORTED_LOCALES)('%s: five choices and a comment, every value escaped', (locale) => {
    const html = renderRatingPage(locale, {
      kind: 'form',
      caseNumber: 'SB-2026-000042',
      agentName: '<script>alert(1)</script>',
      action: '/rate/abc',
      token: 'to"ken',
      current: { rating: 3, comment: '</textarea><b>x' },
    });
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html.match(/type="radio" name="rating"/g)).toHaveLength(5);
    expect(html).toContain('value="3" required checked');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</textarea><b>');
    expect(html).toContain('value="to&quot;ken"');
  });
});
