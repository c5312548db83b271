import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signatureHeader } from './webhook-signing.js';

describe('webhook signatures', () => {
  it('signs the timestamp and the body with every secret in force', () => {
    const header = signatureHeader(['new', 'old'], 1_700_000_000, '{"a":1}');
    const expected = (secret: string) => createHmac('sha256', secret).update('1700000000.{"a":1}').digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected('new')},v1=${expected('old')}`);
  });

  it('makes a different secret every time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
