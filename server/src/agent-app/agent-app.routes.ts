import path from 'node:path';
import { AppError } from '@switchboard/shared';
import express, { Router, type Response } from 'express';
import { precompressedStatic } from '../infra/compression.js';
import { isAgentAppBuilt } from './agent-app-dist.js';

// The desk talks only to its own origin (REST and the Socket.IO websocket);
// React sets inline styles, hence 'unsafe-inline' for styles and nothing else;
// blob: shows a file's preview from the agent's own disk before it is sent.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data: blob: https:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The agent desk at /agent: hashed assets cached for a year, everything else
 * answered with index.html (no-cache, so a deploy is picked up on the next
 * load) so that client-side routes survive a reload.
 */
export function agentAppRoutes(dist: string): Router {
  const router = Router();

  const sendIndex = (res: Response, next: (error?: unknown) => void) => {
    if (!isAgentAppBuilt(dist)) {
      next(new AppError('UNAVAILABLE', 'The agent app is not built yet: run `pnpm build`.'));
      return;
    }
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
    });
    res.sendFile(path.join(dist, 'index.html'), { cacheControl: false }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };

  // Express routing is not strict, so '/agent' also matches '/agent/': redirect only the bare one.
  router.get('/agent', (req, res, next) => {
    const [pathname = '', query] = req.originalUrl.split(/\?(.*)/s);
    if (pathname === '/agent/') {
      sendIndex(res, next);
      return;
    }
    res.redirect(301, `/agent/${query ? `?${query}` : ''}`);
  });
  router.use(
    '/agent/assets',
    precompressedStatic(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  // The shell always goes out with its security headers, even when asked for by name.
  router.get('/agent/index.html', (_req, res, next) => {
    sendIndex(res, next);
  });
  // Other files at the root of dist (icons, sounds): unhashed, so revalidated.
  router.use('/agent', express.static(dist, { index: false, maxAge: 0, fallthrough: true }));
  router.get(['/agent/', '/agent/{*rest}'], (_req, res, next) => {
    sendIndex(res, next);
  });
  return router;
}
