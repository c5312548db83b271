import { z } from 'zod';

/** A MongoDB ObjectId as 24 lowercase hex characters; anything else (objects, operators) fails to parse. */
export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');

/**
 * The id a client gives each message it sends, reused on every retry so the
 * server can answer a duplicate with the original ack (UUIDs fit).
 */
export const clientMessageIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

/** Languages with full text support (widget strings, system messages, emails). */
export const SUPPORTED_LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'fr', 'ru'] as const;
export const localeSchema = z.enum(SUPPORTED_LOCALES);
export type Locale = z.infer<typeof localeSchema>;
