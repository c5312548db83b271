import { describe, expect, it } from 'vitest';
import { detectSecrets, looksLikeSecret, maskSecrets } from './detect.js';

describe('detectSecrets', () => {
  it('masks cards and passwords in one message, in text order', () => {
    const text = 'Card 4242 4242 4242 4242 and my Apple ID password is Sunny2024, IMEI 490154203237518';
    expect(detectSecrets(text)).toEqual({
      masked: 'Card •••• •••• •••• 4242 and my Apple ID password is ••••••, IMEI 490154203237518',
      findings: [
        { kind: 'card', start: 5, end: 24 },
        { kind: 'password', start: 53, end: 62 },
      ],
    });
  });

  it('is idempotent: a masked text scans clean', () => {
    for (const text of ['my password is hunter2', '4242 4242 4242 4242', '密码：qwerty', 'PIN: 1234']) {
      const once = maskSecrets(text);
      expect(once).not.toBe(text);
      expect(detectSecrets(once)).toEqual({ masked: once, findings: [] });
    }
  });

  it('answers looksLikeSecret for the widget warning', () => {
    expect(looksLikeSecret('my password is hunter2')).toBe(true);
    expect(looksLikeSecret('4242-4242-4242-4242')).toBe(true);
    expect(looksLikeSecret('I forgot my password')).toBe(false);
    expect(looksLikeSecret('')).toBe(false);
  });

  it('leaves ordinary support messages untouched', () => {
    const text =
      'Hi, my iPhone 15 (serial F2LXK3ABHG7F, IMEI 352099001761481) was bought on 2024-05-12 for $1,299.00; ' +
      'order W1234567890, tracking 1Z999AA10123456784. Call +1 415 555 2671. How do I reset my password?';
    expect(detectSecrets(text)).toEqual({ masked: text, findings: [] });
  });

  // A 4 KB message of each shape; a backtracking pattern would hang here, so finishing is the test.
  it.each([
    ['digits and spaces', '4 '.repeat(2048)],
    ['digit groups and dashes', '1234-'.repeat(819)],
    ['one long digit run', '4'.repeat(4096)],
    ['repeated keywords', 'password '.repeat(455)],
    ['keyword and blanks', 'password' + ' '.repeat(4088)],
    ['keyword, for and words', 'password for ' + 'a '.repeat(2040)],
    ['copulas without values', 'my password is '.repeat(273)],
    ['Russian keyword run', 'мой пароль '.repeat(372)],
    ['Chinese keyword run', '密码是'.repeat(1365)],
    ['quotes never closed', 'password: "'.repeat(372)],
    ['code groups', 'PIN: ' + '1 '.repeat(2045)],
  ])('scans a hostile 4 KB string (%s)', (_label, text) => {
    const { masked, findings } = detectSecrets(text);
    for (const finding of findings) expect(finding.end).toBeGreaterThan(finding.start);
    expect(typeof masked).toBe('string');
  });

  it('still finds secrets at the end of a long message', () => {
    const text = 'x '.repeat(2000) + 'password: hunter2';
    expect(maskSecrets(text)).toBe('x '.repeat(2000) + 'password: ••••••');
  });
});
