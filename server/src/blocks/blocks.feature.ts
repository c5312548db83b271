import type { AppContext } from '../app-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { Feature } from '../infra/feature.js';
import { blockModel } from './block.model.js';
import { blocksRoutes } from './blocks.routes.js';
import { createBlocksService, type BlocksService } from './blocks.service.js';
import { onBlockedCustomerConnection, refuseBlocked } from './blocks.socket.js';

/**
 * Abusive visitors: an agent blocks one from the desk (by visitor token or
 * identified account, optionally their address, for a while or for good);
 * the block is audited and lifted in the console. Must be mounted after the
 * messaging feature: its handshake check needs the visitor that one resolves.
 */
export function createBlocksFeature(
  context: AppContext,
  deps: { restAuth: RestAuth; audit: AuditService; conversations: ConversationsService },
): { feature: Feature; services: { blocks: BlocksService } } {
  const { config, logger, sockets } = context;
  const blocks = createBlocksService({
    model: blockModel(context.mongo),
    redis: context.redis.command,
    feed: context.redis.changes,
    prefix: config.REDIS_PREFIX,
    logger,
    audit: deps.audit,
  });
  const feature: Feature = {
    name: 'blocks',
    routes: blocksRoutes({
      auth: deps.restAuth,
      blocks,
      conversations: deps.conversations,
      customers: () => sockets.namespace('customer'),
    }),
    middlewares: { customer: [refuseBlocked(blocks, logger)] },
    onConnection: { customer: onBlockedCustomerConnection(blocks) },
    async start() {
      await blocks.model.init();
    },
  };
  return { feature, services: { blocks } };
}
