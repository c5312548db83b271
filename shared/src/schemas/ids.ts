import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../locales.js';

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
export const localeSchema = z.enum(SUPPORTED_LOCALES);
