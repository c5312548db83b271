import { isAttachmentType, MAX_ATTACHMENT_BYTES_CEILING, type AttachmentType } from '@switchboard/shared';
import { z } from 'zod';

const BYTES = /^(\d+)\s*(b|kb|mb)?$/;
const UNIT: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** A size in bytes: `10485760`, `512KB` or `10MB` (binary units), at most the ceiling admins may set. */
export const bytesFromEnv = z.string().transform((text, context) => {
  const match = BYTES.exec(text.trim().toLowerCase());
  const bytes = match?.[1] ? Number(match[1]) * (UNIT[match[2] ?? 'b'] ?? 1) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024 || bytes > 10 * MAX_ATTACHMENT_BYTES_CEILING) {
    context.addIssue({
      code: 'custom',
      message: 'must be a size like 10MB, 512KB or a number of bytes (at least 1KB)',
    });
    return z.NEVER;
  }
  return bytes;
});

/** Comma-separated MIME types, each one Switchboard can recognise from the bytes. */
export const typeListFromEnv = z.string().transform((text, context): AttachmentType[] => {
  const types = text
    .split(',')
    .map((type) => type.trim().toLowerCase())
    .filter(Boolean);
  const unknown = types.filter((type) => !isAttachmentType(type));
  if (unknown.length > 0) {
    context.addIssue({ code: 'custom', message: `unknown or unsupported types: ${unknown.join(', ')}` });
    return z.NEVER;
  }
  return types as AttachmentType[];
});
