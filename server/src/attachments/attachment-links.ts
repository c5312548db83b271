import type { AttachmentView } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { LinkSigner } from './link-signer.js';

export const FILE_VARIANTS = ['original', 'thumbnail'] as const;
export type FileVariant = (typeof FILE_VARIANTS)[number];

/** What a message keeps of its file: enough to show it without reading the attachment. */
export interface AttachmentRef {
  id: Types.ObjectId;
  name: string;
  size: number;
  contentType: AttachmentView['contentType'];
  kind: AttachmentView['kind'];
  width?: number | null;
  height?: number | null;
  removed?: boolean | null;
}

const HOUR = 3_600_000;

/**
 * Signed, expiring links to files: `/api/files/<id>/<variant>?e=<expiry>&s=<signature>`.
 * Whoever holds one may read that file until it expires, so links are only
 * ever handed to someone allowed to read the conversation. Expiries are
 * rounded up to the hour, so the links of one file are the same for an hour
 * and browsers reuse what they downloaded.
 */
export function createAttachmentLinks(signer: LinkSigner, options: { appTtlMs: number; emailTtlMs: number }) {
  const payload = (id: string, variant: FileVariant, expires: number) => `file.${id}.${variant}.${expires}`;
  const link = (id: string, variant: FileVariant, ttlMs: number, now: number) => {
    const expires = Math.ceil((now + ttlMs) / HOUR) * HOUR;
    return `/api/files/${id}/${variant}?e=${expires}&s=${signer.sign(payload(id, variant, expires))}`;
  };

  return {
    /** The view of a message's file for the apps (links missing until the key is loaded: a moment at start). */
    view(ref: AttachmentRef, now = Date.now()): AttachmentView {
      const id = ref.id.toHexString();
      const live = !ref.removed && signer.ready;
      return {
        id,
        name: ref.name,
        size: ref.size,
        contentType: ref.contentType,
        kind: ref.kind,
        ...(ref.width ? { width: ref.width } : {}),
        ...(ref.height ? { height: ref.height } : {}),
        ...(live ? { url: link(id, 'original', options.appTtlMs, now) } : {}),
        ...(live && ref.kind === 'image' ? { thumbnailUrl: link(id, 'thumbnail', options.appTtlMs, now) } : {}),
        ...(ref.removed ? { removed: true } : {}),
      };
    },

    /** A link for an email, valid for the email link lifetime (relative: prefix the public URL). */
    emailLink(id: Types.ObjectId, now = Date.now()): string {
      return link(id.toHexString(), 'original', options.emailTtlMs, now);
    },

    /** Whether a link's expiry and signature are good. */
    check(id: string, variant: FileVariant, expires: number, signature: string, now = Date.now()): boolean {
      return expires > now && signer.verify(payload(id, variant, expires), signature);
    },
  };
}

export type AttachmentLinks = ReturnType<typeof createAttachmentLinks>;
