export interface OriginPolicy {
  /** PUBLIC_URL, when set. */
  publicUrl: string | undefined;
  /** AGENT_ALLOWED_ORIGINS (exact origins; `*` is deliberately not honoured for agent sessions). */
  allowed: readonly string[];
}

export interface RequestOrigin {
  /** The `Origin` header, if any. */
  origin: string | undefined;
  /** The `Host` header the request arrived with. */
  host: string | undefined;
  /** `http` or `https`, as the server sees (or trusts a proxy to say). */
  protocol: string;
}

/**
 * Whether a browser request comes from a page the agent app may run on: the
 * server's own origin (from the Host it was reached at, or PUBLIC_URL) or an
 * explicitly allowed one. A request without an Origin is not from a browser
 * page (browsers always send it on cross-site WebSockets and on POST/PATCH/DELETE),
 * so it cannot be a cross-site forgery and is allowed here; the cookie and
 * CSRF token still have to be right.
 */
export function isOriginAllowed(request: RequestOrigin, policy: OriginPolicy): boolean {
  if (request.origin === undefined) return true;
  const origin = request.origin.toLowerCase();
  if (origin === 'null') return false;
  if (request.host && origin === `${request.protocol}://${request.host}`.toLowerCase()) return true;
  if (policy.publicUrl && origin === new URL(policy.publicUrl).origin.toLowerCase()) return true;
  return policy.allowed.some((allowed) => allowed !== '*' && allowed.toLowerCase() === origin);
}
