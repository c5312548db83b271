import { describe, expect, it } from 'vitest';
import { parseLinks } from './links';

describe('parseLinks', () => {
  it('finds http(s) and www links and keeps the rest as text', () => {
    expect(parseLinks('See https://help.example.com/a?b=1 and www.example.org.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://help.example.com/a?b=1', href: 'https://help.example.com/a?b=1' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'www.example.org', href: 'https://www.example.org/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves sentence punctuation and unbalanced brackets out of the link', () => {
    expect(parseLinks('(see https://a.example/x), thanks!')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://a.example/x', href: 'https://a.example/x' },
      { kind: 'text', text: '), thanks!' },
    ]);
    expect(parseLinks('https://en.wikipedia.org/wiki/Foo_(bar)')[0]).toMatchObject({
      kind: 'link',
      text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
    expect(parseLinks('请看https://a.example/x。')).toEqual([
      { kind: 'text', text: '请看' },
      { kind: 'link', text: 'https://a.example/x', href: 'https://a.example/x' },
      { kind: 'text', text: '。' },
    ]);
  });

  it('never makes a link of other schemes or of HTML', () => {
    const xss = '<img src=x onerror=alert(1)> javascript:alert(1) data:text/html,<b>x</b>';
    expect(parseLinks(xss)).toEqual([{ kind: 'text', text: xss }]);
    expect(parseLinks('https://"><script>')).toEqual([{ kind: 'text', text: 'https://"><script>' }]);
  });

  it('returns no segments for empty text', () => {
    expect(parseLinks('')).toEqual([]);
  });
});
