import type { CannedResponseView } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { cannedTrigger, expandCanned, firstName, searchCanned } from './canned.js';

const vars = { 'customer.name': 'Marie', 'agent.name': 'Lei', 'case.number': 'SB-2026-000123' };

describe('expandCanned', () => {
  it('fills every known variable', () => {
    const { text, missing } = expandCanned("Hi {{customer.name}}, I'm {{ agent.name }}. Case {{case.number}}.", vars);
    expect(text).toBe("Hi Marie, I'm Lei. Case SB-2026-000123.");
    expect(missing).toEqual([]);
  });

  it('uses the fallback when the value is unknown', () => {
    expect(expandCanned('Hi {{customer.name|there}}!', {}).text).toBe('Hi there!');
    expect(expandCanned('Hi {{customer.name|there}}!', vars).text).toBe('Hi Marie!');
  });

  it('drops a missing name together with the comma or space before it', () => {
    expect(expandCanned("Hi {{customer.name}}, I'm {{agent.name}}.", { 'agent.name': 'Lei' })).toEqual({
      text: "Hi, I'm Lei.",
      missing: ['customer.name'],
      unknown: [],
    });
    expect(expandCanned('Thanks for your patience, {{customer.name}} — checking now.', {}).text).toBe(
      'Thanks for your patience — checking now.',
    );
    expect(expandCanned('Здравствуйте, {{customer.name}}! Меня зовут Лей.', {}).text).toBe(
      'Здравствуйте! Меня зовут Лей.',
    );
    expect(expandCanned('{{customer.name}}您好，我是{{agent.name}}。', { 'agent.name': '雷' }).text).toBe(
      '您好，我是雷。',
    );
    expect(expandCanned('感谢您的耐心等待，{{customer.name}}。', {}).text).toBe('感谢您的耐心等待。');
  });

  it('leaves unknown variables visible and reports them', () => {
    const result = expandCanned('Order {{order.id}} for {{customer.name}}', vars);
    expect(result.text).toBe('Order {{order.id}} for Marie');
    expect(result.unknown).toEqual(['order.id']);
  });

  it('keeps line breaks', () => {
    expect(expandCanned('Hi {{customer.name}},\nthanks.', vars).text).toBe('Hi Marie,\nthanks.');
  });
});

describe('firstName', () => {
  it('takes the first word', () => {
    expect(firstName(' Marie  Dupont ')).toBe('Marie');
    expect(firstName('   ')).toBeUndefined();
    expect(firstName(undefined)).toBeUndefined();
  });
});

describe('cannedTrigger', () => {
  it('finds a /shortcut being typed at the caret', () => {
    expect(cannedTrigger('/gre', 4)).toEqual({ query: 'gre', start: 0 });
    expect(cannedTrigger('ok /', 4)).toEqual({ query: '', start: 3 });
    expect(cannedTrigger('see /greet now', 10)).toEqual({ query: 'greet', start: 4 });
  });

  it('ignores slashes inside words and URLs', () => {
    expect(cannedTrigger('and/or', 6)).toBeUndefined();
    expect(cannedTrigger('https://example.com/x', 21)).toBeUndefined();
    expect(cannedTrigger('/greet now', 10)).toBeUndefined();
  });
});

describe('searchCanned', () => {
  const canned = (shortcut: string, title: string, body = ''): CannedResponseView => ({
    id: shortcut,
    shortcut,
    title,
    body,
    locale: 'en',
  });
  const all = [
    canned('battery', 'Battery health'),
    canned('greet', 'Greeting'),
    canned('restart', 'Restart the device', 'battery'),
  ];

  it('ranks shortcut prefixes before titles and bodies', () => {
    expect(searchCanned(all, 'bat').map((c) => c.shortcut)).toEqual(['battery', 'restart']);
    expect(searchCanned(all, 'GREET').map((c) => c.shortcut)).toEqual(['greet']);
    expect(searchCanned(all, 'device').map((c) => c.shortcut)).toEqual(['restart']);
  });

  it('lists everything for an empty query, nothing for no match', () => {
    expect(searchCanned(all, '')).toHaveLength(3);
    expect(searchCanned(all, 'zzz')).toEqual([]);
  });
});
