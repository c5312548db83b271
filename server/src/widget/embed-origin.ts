/**
 * Which host pages may embed the widget: WIDGET_ALLOWED_ORIGINS (`*` = any),
 * plus the server's own origin so its /demo page always works.
 */
export interface EmbedPolicy {
  allowed: readonly string[];
  /** The origin this server is reached at (PUBLIC_URL, else the request's own). */
  self: string;
}

/** A bare origin (`https://shop.example`) or null: paths, credentials and non-http schemes are refused. */
export function parseOrigin(claimed: string): string | null {
  try {
    const url = new URL(claimed);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === claimed ? url.origin : null;
  } catch {
    return null;
  }
}

export function isOriginAllowed(origin: string, policy: EmbedPolicy): boolean {
  return origin === policy.self || policy.allowed.includes('*') || policy.allowed.includes(origin);
}

/**
 * The iframe app's CSP. `frame-ancestors` names exactly the host origin the
 * frame was requested for, so the `?origin=` the app trusts as its parent's is
 * the real one: a page elsewhere cannot frame it with a borrowed origin.
 * Without `?origin=` the frame is not embedded by our loader and may only be
 * framed by what the allow-list permits.
 */
export function frameContentSecurityPolicy(origin: string | null, policy: EmbedPolicy): string {
  const ancestors = origin ?? (policy.allowed.includes('*') ? '*' : [policy.self, ...policy.allowed].join(' '));
  return [
    "default-src 'self'",
    // Agent avatars and pasted images may live on other hosts; scripts never do.
    "img-src 'self' data: blob: https:",
    "style-src 'self' 'unsafe-inline'",
    // Older Safari does not count ws(s) to the same host as 'self'.
    `connect-src 'self' ${policy.self.replace(/^http/, 'ws')}`,
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}
