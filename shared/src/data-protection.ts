/** A customer a lookup found. */
export interface CustomerMatch {
  id: string;
  name?: string;
  email?: string;
  conversations: number;
}

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
