import { z } from 'zod';

/** `GET /api/data-protection/customers?email=`: the customers who gave this address (as a profile or in a chat). */
export const customerLookupQuerySchema = z.strictObject({ email: z.email().max(254) });

/** A customer a lookup found. */
export interface CustomerMatch {
  id: string;
  name?: string;
  email?: string;
  conversations: number;
}

/** `POST /api/data-protection/retention/run`: `dryRun` counts without changing anything. */
export const retentionRunSchema = z.strictObject({ dryRun: z.boolean().default(false) });

export const RETENTION_ACTIONS = ['redact', 'delete'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/** What the retention policy would do, or did. */
export interface RetentionReport {
  /** Null: no policy (RETENTION_DAYS unset). */
  days: number | null;
  action: RetentionAction;
  /** Closed before this, and not yet handled: what the policy applies to. */
  cutoff: string | null;
  /** How many closed conversations it applies to now. */
  matched: number;
  /** How many it changed (0 in a dry run). */
  changed: number;
  dryRun: boolean;
}

/** What erasing a customer removed (kept in the audit log: counts, never the data). */
export interface CustomerErased {
  customerId: string;
  conversations: number;
  messages: number;
  transcripts: number;
  webhookDeliveries: number;
}
