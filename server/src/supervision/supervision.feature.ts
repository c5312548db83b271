import type { AppContext } from '../app-context.js';
import type { AgentsService } from '../agents/agents.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { MessagingServices } from '../conversations/messaging.feature.js';
import { defineFeature } from '../infra/feature.js';
import type { IdleFlags } from '../jobs/idle-flags.js';
import type { RoutingService } from '../routing/routing.service.js';
import { createBoard } from './board.js';
import { createBoardPush } from './board-push.js';
import { createLiveLists } from './live-lists.js';
import { createObserve } from './observe.js';
import { createSupervisorActions } from './supervisor-actions.js';
import { supervisionRoutes } from './supervision.routes.js';
import { supervisionSocketHandlers } from './supervision.socket.js';

/** Board pushes: at most one per window across all processes, and a refresh while supervisors watch. */
const BOARD_WINDOW_MS = 1_000;
const BOARD_REFRESH_MS = 5_000;

export interface SupervisionDeps {
  agents: AgentsService;
  restAuth: RestAuth;
  messaging: MessagingServices;
  routing: RoutingService;
  idleFlags: IdleFlags;
  audit: AuditService;
  willEmailTranscript: (conversation: ConversationDocument) => boolean;
}

/** The supervisor console's live side (the board, idle sessions, observe and join). */
export function createSupervisionFeature(context: AppContext, deps: SupervisionDeps) {
  const { config, logger } = context;
  const { conversations, messages, customers, broadcast, hooks } = deps.messaging;
  const board = createBoard({ agents: deps.agents, conversations, routing: deps.routing });
  const push = createBoardPush({
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    sockets: context.sockets,
    compute: () => board.snapshot({ shared: true }),
    logger,
    windowMs: BOARD_WINDOW_MS,
    refreshMs: BOARD_REFRESH_MS,
  });
  const lists = createLiveLists({ agents: deps.agents, conversations, flags: deps.idleFlags });
  const actions = createSupervisorActions({
    conversations,
    routing: deps.routing,
    flags: deps.idleFlags,
    audit: deps.audit,
    willEmailTranscript: deps.willEmailTranscript,
    changed: () => push.changed(),
  });
  const observe = createObserve({
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    conversations,
    messages,
    customers,
    broadcast,
    audit: deps.audit,
  });

  // What moves the board: chats arriving, assigned and ending, agents coming and going (not messages).
  hooks.on('created', () => push.changed());
  hooks.on('assigned', () => push.changed());
  hooks.on('closed', () => push.changed());
  deps.agents.onStatusChanged(() => push.changed());
  // Routing schedules its own queue pushes on transfers, requeues and every queue change.
  deps.routing.push.onScheduled(() => push.changed());
  deps.agents.onUpdated((change) => {
    push.changed();
    if (change.fields.includes('active')) {
      requeueChatsOfDeactivated(change.agentId).catch((error: unknown) =>
        logger.error({ err: error, agentId: change.agentId }, 'requeueing a deactivated agent’s chats failed'),
      );
    }
  });

  /**
   * A deactivated agent's sessions end at once (agents feature); their live
   * chats go back to their queues at the front, keeping their place, so
   * routing hands them to a colleague.
   */
  async function requeueChatsOfDeactivated(agentId: string): Promise<void> {
    const record = await deps.agents.getById(agentId);
    if (!record || record.active) return;
    for (const conversation of await conversations.liveForAgent(agentId)) {
      await deps.routing.requeue(conversation);
    }
    push.changed();
  }

  const feature = defineFeature({
    name: 'supervision',
    routes: supervisionRoutes({ auth: deps.restAuth, board, lists }),
    handlers: { agent: supervisionSocketHandlers({ board, lists, actions, observe }) },
    stop() {
      push.stop();
      return Promise.resolve();
    },
  });
  return { feature, services: { supervision: { board, lists, actions, observe, push, requeueChatsOfDeactivated } } };
}
