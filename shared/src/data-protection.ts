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
  /** Files of their conversations deleted, bytes and record. */
  files: number;
}

/**
 * A file from a customer's conversations, as their data export lists it:
 * what it is, where it was sent, and for a file still stored a signed link
 * to its bytes that works until `download.expiresAt` (DATA_EXPORT_LINK_TTL).
 */
export interface ExportedFile {
  id: string;
  name: string;
  /** Decided from the bytes; absent while an upload has not finished. */
  contentType?: string;
  kind?: 'image' | 'file';
  size: number;
  width?: number;
  height?: number;
  conversationId: string;
  caseNumber?: string;
  /** The message that carries it; null for an upload no message named. */
  messageId: string | null;
  sentBy: 'customer' | 'agent';
  /** Attached to an internal note (agents only; never shown to the customer). */
  internal: boolean;
  createdAt: string;
  /** `removed`: deleted by the files' retention, only this record is left; `receiving`: an upload under way. */
  status: 'ready' | 'removed' | 'receiving';
  removedAt?: string;
  download?: { url: string; expiresAt: string };
}
