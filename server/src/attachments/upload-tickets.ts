import { z } from 'zod';
import type { LinkSigner } from './link-signer.js';

/** How long an upload may take to begin after it was prepared. */
export const UPLOAD_TICKET_TTL_MS = 15 * 60_000;

const ticketSchema = z
  .object({
    conversationId: z.string().regex(/^[0-9a-f]{24}$/),
    uploader: z.object({ kind: z.enum(['customer', 'agent']), id: z.string().min(1).max(64) }).strict(),
    uploadId: z.string().min(1).max(64),
    name: z.string().min(1).max(1000),
    size: z.number().int().min(1),
    internal: z.boolean(),
    expires: z.number().int(),
  })
  .strict();
export type UploadTicket = z.infer<typeof ticketSchema>;

/**
 * What `attachment.prepare` decided, carried by the upload URL itself and
 * signed: the upload needs no session (the widget has no cookies on the
 * host's page) and no look-up to know who may send what where.
 */
export function createUploadTickets(signer: LinkSigner) {
  return {
    url(ticket: UploadTicket): string {
      const body = Buffer.from(JSON.stringify(ticket)).toString('base64url');
      return `/api/uploads/${body}.${signer.sign(`upload.${body}`)}`;
    },
    /** The ticket in a URL's token, or null when it is forged, malformed or expired. */
    read(token: string, now = Date.now()): UploadTicket | null {
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined || !signer.verify(`upload.${body}`, signature)) return null;
      try {
        const parsed = ticketSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
        return parsed.success && parsed.data.expires > now ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}

export type UploadTickets = ReturnType<typeof createUploadTickets>;
