import {
  AppError,
  BLOCK_DURATION_MS,
  type AuditActor,
  type VisitorBlock,
  type VisitorBlockView,
} from '@switchboard/shared';
import type { Redis } from 'ioredis';
import { Types } from 'mongoose';
import type { AuditService } from '../audit/audit.service.js';
import type { AgentPrincipal } from '../auth/principal.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { Logger } from '../infra/logger.js';
import { createVersionedCache } from '../infra/versioned-cache.js';
import type { ChangeFeed } from '../infra/change-feed.js';
import { createBlockQueries } from './block-queries.js';
import type { BlockDocument, BlockModel } from './block.model.js';

/** Blocks in force, by what they block: when each ends (null: never). */
interface InForce {
  customers: Map<string, number | null>;
  addresses: Map<string, number | null>;
}

const actorOf = (agent: AgentPrincipal): AuditActor => ({ id: agent.id, name: agent.displayName, role: agent.role });

export function toBlockView(block: BlockDocument): VisitorBlockView {
  return {
    id: block._id.toHexString(),
    kind: block.kind,
    ...(block.customerId ? { customerId: block.customerId.toHexString() } : {}),
    ...(block.address ? { address: block.address } : {}),
    ...(block.customerName ? { customerName: block.customerName } : {}),
    ...(block.conversationId ? { conversationId: block.conversationId.toHexString() } : {}),
    ...(block.caseNumber ? { caseNumber: block.caseNumber } : {}),
    reason: block.reason,
    by: { id: block.by.id ?? '', name: block.by.name ?? '', role: block.by.role ?? '' },
    createdAt: block.createdAt.toISOString(),
    expiresAt: block.expiresAt ? block.expiresAt.toISOString() : null,
    ...(block.liftedAt ? { liftedAt: block.liftedAt.toISOString() } : {}),
    ...(block.liftedBy
      ? { liftedBy: { id: block.liftedBy.id ?? '', name: block.liftedBy.name ?? '', role: block.liftedBy.role ?? '' } }
      : {}),
  };
}

const inForce = (endsAt: number | null | undefined, now: number) =>
  endsAt !== undefined && (endsAt === null || endsAt > now);

/**
 * Blocking abusive visitors. Every process keeps the blocks in force in
 * memory (a versioned cache: no Redis call per check while the change feed
 * is live, a database read only after a change), so checking a handshake costs no database round trip and a
 * new block or a lifted one applies on every process at once.
 */
export function createBlocksService(deps: {
  model: BlockModel;
  redis: Pick<Redis, 'get' | 'set'>;
  /** Announcements of blocks made or lifted on any process (infra/change-feed.ts). */
  feed?: ChangeFeed;
  prefix: string;
  logger: Logger;
  audit: Pick<AuditService, 'record'>;
}) {
  const { model } = deps;
  const cache = createVersionedCache<InForce>({
    redis: deps.redis,
    key: `${deps.prefix}:blocks:version`,
    feed: deps.feed,
    logger: deps.logger,
    name: 'visitor blocks',
    load: async () => {
      const open = (await model.find({ liftedAt: null }).lean()) as BlockDocument[];
      const now = Date.now();
      const loaded: InForce = { customers: new Map(), addresses: new Map() };
      for (const block of open) {
        const endsAt = block.expiresAt ? block.expiresAt.getTime() : null;
        if (!inForce(endsAt, now)) continue;
        const into = block.kind === 'visitor' ? loaded.customers : loaded.addresses;
        const key = block.kind === 'visitor' ? block.customerId?.toHexString() : block.address;
        if (!key) continue;
        const earlier = into.get(key);
        // Of two blocks on one visitor, the longer one counts.
        into.set(key, earlier === null || endsAt === null ? null : Math.max(earlier ?? 0, endsAt));
      }
      return loaded;
    },
  });

  return {
    model,
    ...createBlockQueries(model),

    /** Whether this visitor or this address is blocked now. */
    async isBlocked(who: { customerId?: string | undefined; address?: string | undefined }): Promise<boolean> {
      const blocks = await cache.get();
      const now = Date.now();
      return (
        (who.customerId !== undefined && inForce(blocks.customers.get(who.customerId), now)) ||
        (who.address !== undefined && inForce(blocks.addresses.get(who.address), now))
      );
    },

    /** Blocks the visitor of a conversation (and the address, when given); audited. */
    async block(
      by: AgentPrincipal,
      conversation: ConversationDocument,
      input: VisitorBlock,
      address: string | undefined,
    ): Promise<VisitorBlockView[]> {
      const duration = BLOCK_DURATION_MS[input.duration];
      const common = {
        reason: input.reason,
        by: actorOf(by),
        conversationId: conversation._id,
        caseNumber: conversation.caseNumber,
        ...(conversation.prechat?.name ? { customerName: conversation.prechat.name } : {}),
        expiresAt: duration === null ? null : new Date(Date.now() + duration),
      };
      const created = (await model.insertMany([
        { ...common, kind: 'visitor', customerId: conversation.customerId },
        ...(address ? [{ ...common, kind: 'address', address }] : []),
      ])) as unknown as BlockDocument[];
      await cache.changed();
      const views = created.map((block) => toBlockView(block));
      await deps.audit.record({
        actor: by,
        action: 'visitor.block',
        target: { kind: 'customer', id: conversation.customerId.toHexString() },
        details: {
          reason: input.reason,
          duration: input.duration,
          caseNumber: conversation.caseNumber,
          ...(address ? { address } : {}),
          blockIds: views.map((view) => view.id),
        },
      });
      return views;
    },

    /** Blocks not lifted, newest first; expired ones too when `all` (for the record). */
    async list(options: { all?: boolean } = {}): Promise<VisitorBlockView[]> {
      const found = (await model
        .find(options.all ? {} : { liftedAt: null })
        .sort({ _id: -1 })
        .limit(500)
        .lean()) as BlockDocument[];
      const now = Date.now();
      return found
        .filter((block) => options.all === true || inForce(block.expiresAt ? block.expiresAt.getTime() : null, now))
        .map(toBlockView);
    },

    /** Lifts a block (once; lifting again answers it as it is); audited. */
    async lift(by: AgentPrincipal, id: string): Promise<VisitorBlockView> {
      if (!Types.ObjectId.isValid(id)) throw new AppError('NOT_FOUND', 'No such block.');
      const lifted = (await model
        .findOneAndUpdate(
          { _id: id, liftedAt: null },
          { $set: { liftedAt: new Date(), liftedBy: actorOf(by) } },
          { returnDocument: 'after' },
        )
        .lean()) as BlockDocument | null;
      if (!lifted) {
        const existing = (await model.findById(id).lean()) as BlockDocument | null;
        if (!existing) throw new AppError('NOT_FOUND', 'No such block.');
        return toBlockView(existing);
      }
      await cache.changed();
      await deps.audit.record({
        actor: by,
        action: 'visitor.unblock',
        target: {
          kind: lifted.kind === 'visitor' ? 'customer' : 'address',
          id: lifted.customerId?.toHexString() ?? lifted.address ?? id,
        },
        details: {
          blockId: id,
          reason: lifted.reason,
          ...(lifted.caseNumber ? { caseNumber: lifted.caseNumber } : {}),
        },
      });
      return toBlockView(lifted);
    },
  };
}

export type BlocksService = ReturnType<typeof createBlocksService>;
