import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import type { RequestHandler, Response } from 'express';

/** Streams must reach the browser as they are written; a compressor would hold them back. */
const isStream = (res: Response) => String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream');

/**
 * Compresses REST answers and pages (brotli or gzip, as the browser accepts,
 * above 1 KB, with `Vary: Accept-Encoding`). Left alone: what is already
 * encoded (the precompressed static files below), streams, and Socket.IO,
 * whose requests engine.io answers before Express sees them (it compresses
 * its own long-polling answers and websocket frames).
 */
export function compressAnswers(): RequestHandler {
  return compression({
    filter: (req, res) => !isStream(res) && compression.filter(req, res),
  });
}

/**
 * Serves a built app's static files: the `.br` or `.gz` made at build time
 * beside each one when the browser accepts it (brotli first), with its
 * Content-Encoding and `Vary: Accept-Encoding`; the plain file otherwise.
 */
export function precompressedStatic(
  root: string,
  options: { maxAge: string; immutable?: boolean; fallthrough: boolean },
): RequestHandler {
  return expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { ...options, index: false },
  }) as RequestHandler;
}
