import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookie } from './cookies.js';

describe('readCookie', () => {
  it('finds the named cookie among others', () => {
    expect(readCookie('a=1; sb_session=abc-_; b=2', 'sb_session')).toBe('abc-_');
    expect(readCookie('sb_session="quoted"', 'sb_session')).toBe('quoted');
  });

  it('answers undefined for a missing header, a missing cookie or a malformed value', () => {
    expect(readCookie(undefined, 'sb_session')).toBeUndefined();
    expect(readCookie('other=1; nonsense', 'sb_session')).toBeUndefined();
    expect(readCookie('xsb_session=1', 'sb_session')).toBeUndefined();
    expect(readCookie('sb_session=%E0%A4%A', 'sb_session')).toBeUndefined();
  });
});

describe('sessionCookie', () => {
  it('is httpOnly, SameSite=Lax, site-wide, and Secure only when asked', () => {
    expect(sessionCookie('v', { secure: false, maxAgeSeconds: 60 })).toBe(
      'sb_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60',
    );
    expect(sessionCookie('', { secure: true, maxAgeSeconds: 0 })).toBe(
      'sb_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure',
    );
  });
});
