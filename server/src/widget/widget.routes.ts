import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@switchboard/shared';
import { Router, type Request, type Response } from 'express';
import type { Logger } from '../infra/logger.js';
import { precompressedStatic } from '../infra/compression.js';
import { demoContentSecurityPolicy, renderDemoPage } from './demo-page.js';
import { frameContentSecurityPolicy, isOriginAllowed, parseOrigin, type EmbedPolicy } from './embed-origin.js';
import { isWidgetBuilt } from './widget-dist.js';

interface Dependencies {
  /** web-widget's dist/ (index.html, assets/, loader.js). */
  dist: string;
  /** The origins allowed now: the stored widget settings, else WIDGET_ALLOWED_ORIGINS. */
  allowedOrigins: () => Promise<readonly string[]>;
  /** The brand colour the admins saved (null: none), written into the loader for its launcher. */
  brandColor: () => Promise<string | null>;
  publicUrl: string | undefined;
  logger: Logger;
}

// The snippet's URL carries no version, so a year-long cache would pin old
// loaders on customers' pages. It also carries the saved brand colour, so
// browsers revalidate (ETag, usually a 304) after ten minutes — in the
// background, with the cached copy still used, so the page never waits.
const LOADER_CACHE = 'public, max-age=600, stale-while-revalidate=604800';
/** Must match SERVED_BRAND in web-widget/src/loader/settings.ts (tests/widget/loader-brand.test.ts checks). */
const LOADER_BRAND_PLACEHOLDER = '__SB_BRAND__';
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function forbiddenPage(origin: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Chat unavailable</title>
<body style="font:15px/1.5 system-ui,sans-serif;margin:24px;color:#1d1d1f">
<h1 style="font-size:18px">Chat isn’t available on this site yet</h1>
<p>Please use another way to contact support for now.</p>
<p style="color:#6e6e73;font-size:13px">For the site’s administrator: add <code>${escapeHtml(origin)}</code> to the widget settings’ allowed origins.</p>
</body></html>`;
}

export function widgetRoutes({ dist, allowedOrigins, brandColor, publicUrl, logger }: Dependencies): Router {
  const router = Router();
  const selfOrigin = (req: Request) =>
    publicUrl ? new URL(publicUrl).origin : `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const policyFor = async (req: Request): Promise<EmbedPolicy> => ({
    allowed: await allowedOrigins(),
    self: selfOrigin(req),
  });
  const sendBuilt = (res: Response, file: string, next: (error?: unknown) => void) => {
    if (!isWidgetBuilt(dist)) {
      next(new AppError('UNAVAILABLE', 'The widget is not built yet: run `pnpm build`.'));
      return;
    }
    res.sendFile(path.join(dist, file), { cacheControl: false }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };

  const sendLoader = async (res: Response, next: (error?: unknown) => void) => {
    if (!isWidgetBuilt(dist)) {
      next(new AppError('UNAVAILABLE', 'The widget is not built yet: run `pnpm build`.'));
      return;
    }
    const [source, brand] = await Promise.all([readFile(path.join(dist, 'loader.js'), 'utf8'), brandColor()]);
    res.set({
      'Cache-Control': LOADER_CACHE,
      // Host pages with Cross-Origin-Embedder-Policy can still load it.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Type': 'text/javascript; charset=utf-8',
    });
    // Express adds an ETag of the body and answers a matching revalidation with 304.
    res.send(source.replace(LOADER_BRAND_PLACEHOLDER, brand && HEX_COLOR.test(brand) ? brand : ''));
  };
  router.get('/widget/loader.js', (_req, res, next) => {
    sendLoader(res, next).catch(next);
  });

  const serveFrame = async (req: Request, res: Response, next: (error?: unknown) => void) => {
    const policy = await policyFor(req);
    const claimed = req.query.origin;
    let origin: string | null = null;
    if (claimed !== undefined) {
      origin = typeof claimed === 'string' ? parseOrigin(claimed) : null;
      if (!origin || !isOriginAllowed(origin, policy)) {
        const refused = new AppError('ORIGIN_NOT_ALLOWED', 'This origin may not embed the widget.', {
          origin: claimed,
        });
        logger.warn({ code: refused.code, origin: claimed }, 'widget frame refused for an origin not allowed');
        res.status(refused.status).set('Cache-Control', 'no-store').type('html');
        res.send(forbiddenPage(typeof claimed === 'string' ? claimed : JSON.stringify(claimed)));
        return;
      }
    }
    res.set({
      'Content-Security-Policy': frameContentSecurityPolicy(origin, policy),
      // The HTML names hashed assets: always revalidate it, cache the assets forever.
      'Cache-Control': 'no-cache',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
    sendBuilt(res, 'index.html', next);
  };
  router.get(['/widget', '/widget/', '/widget/index.html'], (req, res, next) => {
    const [pathname = '', query] = req.originalUrl.split(/\?(.*)/s);
    // One canonical URL for the frame (relative links and caches agree on it).
    if (pathname !== '/widget/') res.redirect(301, `/widget/${query ? `?${query}` : ''}`);
    else serveFrame(req, res, next).catch(next);
  });
  router.use(
    '/widget/assets',
    precompressedStatic(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: true }),
  );

  router.get('/demo', (req, res) => {
    const server = selfOrigin(req);
    // A fresh nonce per answer: the page's inline scripts run, nothing injected into it would.
    const nonce = randomBytes(16).toString('base64');
    res
      .set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': demoContentSecurityPolicy(server, nonce) })
      .type('html')
      .send(renderDemoPage(server, nonce));
  });

  return router;
}
