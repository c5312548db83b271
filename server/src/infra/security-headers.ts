import type { RequestHandler } from 'express';

/** A year: browsers keep using https for the server's host that long after the last visit. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Headers every answer carries. `nosniff` on everything, so a browser never
 * reads a JSON answer (which may echo what a user typed) as a script or page.
 * In production behind https, HSTS: the browser refuses plain http to this
 * host from then on (no `includeSubDomains`: the company's other hosts are not
 * ours to decide for).
 */
export function securityHeaders(options: { production: boolean; publicUrl: string | undefined }): RequestHandler {
  const hsts = options.production && options.publicUrl?.startsWith('https://');
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (hsts) res.setHeader('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
    next();
  };
}
