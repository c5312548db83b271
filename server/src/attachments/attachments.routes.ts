import { pipeline } from 'node:stream/promises';
import { AppError } from '@switchboard/shared';
import { objectIdSchema } from '@switchboard/shared/schemas';
import contentDisposition from 'content-disposition';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { isOriginAllowed } from '../auth/origin.js';
import { FILE_VARIANTS, type AttachmentLinks } from './attachment-links.js';
import type { AttachmentsService } from './attachments.service.js';
import { answerRange } from './byte-range.js';
import type { UploadTickets } from './upload-tickets.js';

const fileParamsSchema = z.object({ id: objectIdSchema, variant: z.enum(FILE_VARIANTS) }).strict();
export const fileQuerySchema = z.object({ e: z.coerce.number().int(), s: z.string().min(1).max(100) });

/**
 * Served files are someone else's bytes: never run as a page (a sandbox CSP
 * that allows nothing), never sniffed into another type, inline only for the
 * images the chat shows; links carry a signature, so they are not sent on as
 * a referrer.
 */
const FILE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  // no-transform: the bytes go as stored (a compressor would also break byte ranges).
  'Cache-Control': 'private, max-age=3600, no-transform',
  'Accept-Ranges': 'bytes',
} as const;

const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

function declaredLength(req: Request): number | null {
  const header = req.get('content-length');
  return header && /^\d+$/.test(header) ? Number(header) : null;
}

/**
 * `PUT /api/uploads/:ticket`: the bytes of a file prepared with
 * `attachment.prepare` (the ticket in the URL says who may send what where);
 * `GET /api/files/:id/:variant?e=&s=`: a file, through a signed link.
 */
export function attachmentsRoutes(deps: {
  attachments: AttachmentsService;
  tickets: UploadTickets;
  links: AttachmentLinks;
  publicUrl: string | undefined;
}): Router {
  const router = Router();

  router.put('/api/uploads/:ticket', async (req, res) => {
    // The ticket is the credential, not a cookie; still, a page elsewhere has no business sending here
    // (the widget's frame and the desk are on this server's origin).
    const origin = { origin: req.get('origin'), host: req.get('host'), protocol: req.protocol };
    if (!isOriginAllowed(origin, { publicUrl: deps.publicUrl, allowed: [] })) {
      req.resume();
      throw new AppError('CSRF_FAILED', 'Files can only be sent from the chat itself.');
    }
    const ticket = deps.tickets.read(req.params.ticket);
    if (!ticket) {
      req.resume();
      throw new AppError('NOT_FOUND', 'This upload link is not valid or has expired: prepare the upload again.');
    }
    try {
      res.status(201).json(await deps.attachments.receive(ticket, req, declaredLength(req)));
    } catch (error) {
      // Refused before the body was read to its end: answer, then close the connection
      // rather than read (or wait for) the rest of a file that will not be kept.
      res.set('Connection', 'close');
      req.resume();
      throw error;
    }
  });

  router.get('/api/files/:id/:variant', async (req, res) => {
    const params = fileParamsSchema.safeParse(req.params);
    const query = fileQuerySchema.safeParse(req.query);
    // A bad, forged or expired link answers like a missing file: nothing to learn from probing.
    if (
      !params.success ||
      !query.success ||
      !deps.links.check(params.data.id, params.data.variant, query.data.e, query.data.s)
    ) {
      throw new AppError('NOT_FOUND', 'No such file, or the link has expired.');
    }
    const { id, variant } = params.data;
    const file = await deps.attachments.open(id, variant);
    const inline = variant === 'thumbnail' || INLINE_TYPES.has(file.contentType);
    const etag = `"${file.version}"`;
    res.set(FILE_HEADERS);
    res.set({
      ETag: etag,
      'Content-Disposition': contentDisposition(file.attachment.name, { type: inline ? 'inline' : 'attachment' }),
    });
    const asked = answerRange({ range: req.get('range'), ifRange: req.get('if-range') }, file.size, etag);
    if (asked.kind === 'unsatisfiable') {
      res.set('Content-Range', `bytes */${file.size}`);
      throw new AppError('RANGE_NOT_SATISFIABLE', 'The range asked for is past the end of the file.', {
        size: file.size,
      });
    }
    const range = asked.kind === 'part' ? asked.range : undefined;
    res.set({
      'Content-Type': file.contentType,
      'Content-Length': String(range ? range.end - range.start + 1 : file.size),
    });
    if (range) res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
    await pipeline(file.stream(range), res).catch((error: unknown) => {
      // Headers are gone: all that is left is to cut the response.
      res.destroy(error instanceof Error ? error : undefined);
    });
  });

  return router;
}
