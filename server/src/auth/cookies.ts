/** The agent session cookie. httpOnly so page scripts (and XSS) never read it. */
export const SESSION_COOKIE = 'sb_session';

/** Reads one cookie from a `Cookie` header; malformed pairs are skipped, never thrown on. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index < 0) continue;
    if (pair.slice(0, index).trim() !== name) continue;
    const value = pair.slice(index + 1).trim();
    try {
      return decodeURIComponent(value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface SessionCookieOptions {
  secure: boolean;
  /** Seconds; 0 clears the cookie. */
  maxAgeSeconds: number;
}

/** `Set-Cookie` value for the session. SameSite=Lax: sent on top-level navigation, not on cross-site subrequests. */
export function sessionCookie(value: string, options: SessionCookieOptions): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeSeconds}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
