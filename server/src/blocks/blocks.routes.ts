import type { VisitorBlocked } from '@switchboard/shared';
import { objectIdSchema, visitorBlockSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import { z } from 'zod';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { rooms } from '../conversations/rooms.js';
import type { TypedNamespace } from '../infra/namespaces.js';
import { parseInput } from '../infra/validation.js';
import { addressRoom, disconnectBlocked } from './blocks.socket.js';
import type { BlocksService } from './blocks.service.js';

export const blocksListQuerySchema = z.strictObject({ all: z.enum(['true', 'false']).optional() });

/**
 * Blocking from the desk (the chat's agent, or a supervisor), and the
 * console's list with its "lift" (supervisors and admins).
 */
export function blocksRoutes(deps: {
  auth: RestAuth;
  blocks: BlocksService;
  conversations: Pick<ConversationsService, 'get' | 'close'>;
  customers: () => TypedNamespace<'customer'>;
}): Router {
  const router = Router();
  const supervisors = [deps.auth.authenticate, deps.auth.requireRole('supervisor', 'admin')];

  router.post('/api/conversations/:id/block', deps.auth.authenticate, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const input = parseInput(visitorBlockSchema, req.body);
    const agent = currentAgent(res);
    // Blocking acts on the chat: its agent, or a supervisor (write access).
    const conversation = await deps.conversations.get(id, { kind: 'agent', agent }, 'write');
    const customerId = conversation.customerId.toHexString();
    let address: string | undefined;
    if (input.address) {
      // The address the visitor chats from now, as their handshake saw it (on any process).
      const live = await deps.customers().in(rooms.customer(customerId)).fetchSockets();
      address = live
        .map((socket) => socket.data.clientAddress)
        .find((value): value is string => typeof value === 'string');
    }
    const blocks = await deps.blocks.block(agent, conversation, input, address);
    // Nothing more reaches the agents: the chat ends and the visitor's sockets go.
    if (conversation.status !== 'closed')
      await deps.conversations.close(conversation, { kind: 'agent', id: agent.id }, 'spam');
    disconnectBlocked(deps.customers(), [rooms.customer(customerId), ...(address ? [addressRoom(address)] : [])]);
    const body: VisitorBlocked = { blocks, addressBlocked: address !== undefined };
    res.status(201).json(body);
  });

  router.get('/api/blocks', ...supervisors, async (req, res) => {
    const query = parseInput(blocksListQuerySchema, req.query);
    res
      .set('Cache-Control', 'private, no-store')
      .json({ blocks: await deps.blocks.list({ all: query.all === 'true' }) });
  });

  router.delete('/api/blocks/:id', ...supervisors, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    res.json({ block: await deps.blocks.lift(currentAgent(res), id) });
  });

  return router;
}
