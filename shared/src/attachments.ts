import type { z } from 'zod';
import type {
  attachmentCancelSchema,
  attachmentPrepareSchema,
  attachmentSettingsSchema,
} from './schemas/attachments.js';

/**
 * The file types Switchboard can recognise from a file's first bytes and may
 * be allowed to carry, with the short name people know them by. Images are
 * re-encoded and shown inline; everything else is a download. SVG and HTML
 * are deliberately absent: they can carry scripts.
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': { label: 'JPEG', image: true },
  'image/png': { label: 'PNG', image: true },
  'image/webp': { label: 'WebP', image: true },
  'image/gif': { label: 'GIF', image: true },
  'application/pdf': { label: 'PDF', image: false },
  'application/zip': { label: 'ZIP', image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'DOCX', image: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'XLSX', image: false },
  'video/mp4': { label: 'MP4', image: false },
  'video/quicktime': { label: 'MOV', image: false },
} as const satisfies Record<string, { label: string; image: boolean }>;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

export function isAttachmentType(value: string): value is AttachmentType {
  return Object.hasOwn(ATTACHMENT_TYPES, value);
}

/** Photos, screenshots and PDFs: what support chats mostly carry. */
export const DEFAULT_ATTACHMENT_TYPES: readonly AttachmentType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
];

/** The ceiling an admin may raise the per-file limit to. */
export const MAX_ATTACHMENT_BYTES_CEILING = 100 * 1024 * 1024;

/** Longest file name kept (longer names are cut, keeping the extension). */
export const MAX_ATTACHMENT_NAME_LENGTH = 200;

/** A stored file as clients see it, inside the message that carries it. */
export interface AttachmentView {
  id: string;
  /** The name the sender's device gave it (display only; the type comes from the bytes). */
  name: string;
  /** Bytes as stored (images after re-encoding). */
  size: number;
  contentType: AttachmentType;
  /** Images are shown inline as thumbnails; files as a chip with name and size. */
  kind: 'image' | 'file';
  width?: number;
  height?: number;
  /**
   * Relative link to the file, signed and valid for a limited time (a fresh
   * one comes with every catch-up and page of history). Absent once removed.
   */
  url?: string;
  /** Images only: a small preview (WebP, at most 320 px). */
  thumbnailUrl?: string;
  /** Deleted by the retention policy: clients show "file removed". */
  removed?: boolean;
}

export type AttachmentPrepare = z.infer<typeof attachmentPrepareSchema>;
export type AttachmentCancel = z.infer<typeof attachmentCancelSchema>;

export interface AttachmentPrepared {
  /** Relative URL to send the file's bytes to with `PUT` (any Content-Type); answers `AttachmentView`. */
  uploadUrl: string;
  expiresAt: string;
}

/** Why a file was refused, in `error.details` of the refusal, for a message in the person's language. */
export const ATTACHMENT_REFUSALS = ['too-large', 'type', 'pixels', 'conversation-full', 'not-allowed'] as const;
export type AttachmentRefusalReason = (typeof ATTACHMENT_REFUSALS)[number];

export interface AttachmentRefusal {
  reason: AttachmentRefusalReason;
  /** The per-file limit in bytes. */
  maxBytes: number;
  /** The allowed types' short names (JPEG, PNG, PDF…). */
  types: string[];
}

export function isAttachmentRefusal(details: unknown): details is AttachmentRefusal {
  const reason = (details as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && (ATTACHMENT_REFUSALS as readonly string[]).includes(reason);
}

/** The public rules the widget reads before offering the attach button. */
export interface PublicFileRules {
  /** Whether customers may send files in a chat of the department asked about. */
  customerFiles: boolean;
}

export type AttachmentSettings = z.infer<typeof attachmentSettingsSchema>;

/** Short names of types, for "Files up to 10 MB: JPEG, PNG, PDF". */
export function attachmentTypeLabels(types: readonly AttachmentType[]): string[] {
  return [...new Set(types.map((type) => ATTACHMENT_TYPES[type].label))];
}
