import type { z } from 'zod';
import type { AuditActor } from './audit.js';
import type { visitorBlockSchema } from './schemas/blocks.js';

/** How long a block lasts; `permanent` until someone lifts it in the console. */
export const BLOCK_DURATIONS = ['1h', '24h', '7d', '30d', 'permanent'] as const;
export type BlockDuration = (typeof BLOCK_DURATIONS)[number];

/** The length of each duration in milliseconds (null: for good). */
export const BLOCK_DURATION_MS: Record<BlockDuration, number | null> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  permanent: null,
};

export type VisitorBlock = z.infer<typeof visitorBlockSchema>;

export const BLOCK_KINDS = ['visitor', 'address'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** One block as the console lists it. */
export interface VisitorBlockView {
  id: string;
  kind: BlockKind;
  /** The blocked visitor (kind `visitor`). */
  customerId?: string;
  /** The blocked address (kind `address`). */
  address?: string;
  /** The name the visitor gave, as it was when they were blocked. */
  customerName?: string;
  /** The chat they were blocked from. */
  conversationId?: string;
  caseNumber?: string;
  reason: string;
  by: AuditActor;
  createdAt: string;
  /** Null: until lifted. */
  expiresAt: string | null;
  liftedAt?: string;
  liftedBy?: AuditActor;
}

/** What a block answers: the blocks made, and whether the address could be blocked (the visitor may have left). */
export interface VisitorBlocked {
  blocks: VisitorBlockView[];
  addressBlocked: boolean;
}
