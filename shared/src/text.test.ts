import { describe, expect, it } from 'vitest';
import { agentCreateSchema, agentUpdateSchema } from './schemas/agents.js';
import { prechatSchema } from './schemas/conversations.js';
import { customerIdentitySchema } from './schemas/identity.js';
import { messageSendSchema } from './schemas/messages.js';
import { singleLineSchema, webUrlSchema } from './schemas/text.js';
import { hasVisibleText } from './text.js';

describe('text at the boundary', () => {
  it('takes http(s) links only: never javascript: or data:', () => {
    expect(webUrlSchema.safeParse('https://shop.example/help?x=1').success).toBe(true);
    expect(webUrlSchema.safeParse('http://localhost:3000/demo').success).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://x.example/',
    ]) {
      expect(webUrlSchema.safeParse(url).success, url).toBe(false);
    }
    const base = { topic: 'ipad', language: 'en' };
    expect(prechatSchema.safeParse({ ...base, pageUrl: 'javascript:alert(1)' }).success).toBe(false);
    const agent = { email: 'a@example.com', password: 'long enough password', displayName: 'Lei' };
    expect(
      agentCreateSchema.safeParse({ ...agent, avatarUrl: 'data:image/svg+xml,<svg onload=alert(1)>' }).success,
    ).toBe(false);
    expect(agentUpdateSchema.safeParse({ avatarUrl: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('keeps names on one line: line breaks and control characters are refused', () => {
    const name = singleLineSchema(100);
    expect(name.parse('  Marie Dupont ')).toBe('Marie Dupont');
    for (const hostile of [
      'Marie\r\nBcc: victim@target.example',
      'Marie\nTo: x',
      'A\u2028B',
      'tab\there',
      'nul\u0000',
    ]) {
      expect(name.safeParse(hostile).success, JSON.stringify(hostile)).toBe(false);
    }
    expect(prechatSchema.safeParse({ topic: 'ipad', language: 'en', name: 'Marie\r\nBcc: x@y.z' }).success).toBe(false);
    const identity = { userId: 'u1', userHash: 'a'.repeat(64), name: 'Eve\nBcc: x@y.z' };
    expect(customerIdentitySchema.safeParse(identity).success).toBe(false);
    const agent = { email: 'a@example.com', password: 'long enough password', displayName: 'Lei\r\nCc: x@y.z' };
    expect(agentCreateSchema.safeParse(agent).success).toBe(false);
    // Names in every script stay welcome.
    for (const fine of ['李雷', '王小明', 'Алексей', 'Zoé', 'Ngũyễn'])
      expect(name.safeParse(fine).success, fine).toBe(true);
  });

  it('refuses a message of only invisible characters', () => {
    const send = (body: string) =>
      messageSendSchema.safeParse({ conversationId: '0'.repeat(24), clientMessageId: 'abcdefgh', body }).success;
    for (const invisible of [
      '\u200b\u200b\u200b',
      '\u202e',
      '\u200d\u2060\ufeff',
      ' \u3000\u00a0',
      '\u3164',
      '\u2800\u2800',
    ]) {
      expect(hasVisibleText(invisible), JSON.stringify(invisible)).toBe(false);
      expect(send(invisible), JSON.stringify(invisible)).toBe(false);
    }
    for (const visible of ['ok', '\u200bhi', '👍', '。', '\u202eevil']) {
      expect(hasVisibleText(visible), visible).toBe(true);
      expect(send(visible), visible).toBe(true);
    }
  });
});
