import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin.js';

const policy = { publicUrl: 'https://support.example.com/desk', allowed: ['http://localhost:5173', '*'] };
const from = (origin: string | undefined, host = '127.0.0.1:3000', protocol = 'http') => ({ origin, host, protocol });

describe('isOriginAllowed', () => {
  it.each([
    ['the origin the server was reached at', from('http://127.0.0.1:3000'), true],
    ['the same, in other case', from('HTTP://127.0.0.1:3000'), true],
    ['PUBLIC_URL', from('https://support.example.com'), true],
    ['an allowed extra origin', from('http://localhost:5173'), true],
    ['no Origin at all (not a browser page)', from(undefined), true],
    ['a foreign page', from('https://evil.example'), false],
    ['another port of the same host', from('http://127.0.0.1:3001'), false],
    ['the right host over the wrong scheme', from('https://127.0.0.1:3000'), false],
    ['an opaque origin (sandboxed iframe, file:)', from('null'), false],
    ['a look-alike suffix', from('https://support.example.com.evil.example'), false],
    ['any page, even with * configured', from('https://anything.example', 'api.example'), false],
  ])('%s', (_name, request, expected) => {
    expect(isOriginAllowed(request, policy)).toBe(expected);
  });

  it('needs no PUBLIC_URL', () => {
    expect(isOriginAllowed(from('https://support.example.com'), { publicUrl: undefined, allowed: [] })).toBe(false);
  });
});
