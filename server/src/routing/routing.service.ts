import {
  AppError,
  type ConversationTransfer,
  type ConversationView,
  type QueueList,
  type QueueListing,
  type QueueStats,
  type QueueUpdate,
} from '@switchboard/shared';
import type { Redis } from 'ioredis';
import type { AgentModel } from '../agents/agent.model.js';
import { toAgentPrincipal } from '../agents/agent-view.js';
import { isSupervisorRole, type AgentPrincipal } from '../auth/principal.js';
import { authorize } from '../conversations/access.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import { toConversationView } from '../conversations/conversation-view.js';
import type { MessagingServices } from '../conversations/messaging.feature.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { DocumentLocks } from '../infra/document-lock.js';
import type { Logger } from '../infra/logger.js';
import type { SocketServer } from '../infra/socket-server.js';
import { createCapacity } from './capacity.js';
import { createCapacityLimits } from './capacity-limits.js';
import type { Clock } from './clock.js';
import { createHandlingTimes } from './handling-times.js';
import { createQueuePush } from './queue-push.js';
import { createQueueSnapshots } from './queue-snapshot.js';
import { GENERAL_QUEUE, queueKeyOf } from './queue-keys.js';
import { createRouter } from './router.js';
import type { RoutingMetrics } from './routing-metrics.js';
import { createTransfers } from './transfer.js';

export interface RoutingDeps {
  redis: Redis;
  prefix: string;
  locks: DocumentLocks;
  logger: Logger;
  sockets: SocketServer;
  clock: Clock;
  agents: AgentModel;
  messaging: Pick<MessagingServices, 'conversations' | 'messages' | 'broadcast'>;
  departments: DepartmentsService;
  metrics: RoutingMetrics;
  generalLanguageFallbackSeconds: number;
  queueDebounceMs: number;
}

/** Routing and queues (R1–R6): what the socket handlers, REST routes, hooks and the sweep call. */
export function createRoutingService(deps: RoutingDeps) {
  const { conversations, messages, broadcast } = deps.messaging;
  const { clock, departments, logger } = deps;
  const limits = createCapacityLimits(() => departments.list());
  const capacity = createCapacity({ agents: deps.agents, conversations, locks: deps.locks, clock, limits });
  const handlingTimes = createHandlingTimes(deps.redis, deps.prefix);
  const snapshots = createQueueSnapshots({
    agents: deps.agents,
    conversations,
    departments,
    handlingTimes,
    limits,
    clock,
    reuseMs: Math.max(100, deps.queueDebounceMs),
  });

  const allQueueKeys = async () => [...(await departments.list()).map((department) => department.id), GENERAL_QUEUE];
  const push = createQueuePush({
    sockets: deps.sockets,
    snapshots,
    allQueueKeys,
    debounceMs: deps.queueDebounceMs,
    logger,
  });
  const router = createRouter({
    redis: deps.redis,
    prefix: deps.prefix,
    logger,
    agents: deps.agents,
    conversations,
    departments,
    capacity,
    limits,
    clock,
    generalLanguageFallbackSeconds: deps.generalLanguageFallbackSeconds,
    onAssigned: (conversation) => {
      deps.metrics.assigned('auto', conversation);
    },
  });

  /** A queue changed: route it now and tell its customers (and supervisors) soon. */
  const queueChanged = (key: string) => {
    void router.kick(key);
    push.schedule(key);
  };

  const transfers = createTransfers({
    agents: deps.agents,
    conversations,
    messages,
    broadcast,
    departments,
    capacity,
    sockets: deps.sockets,
    queueChanged,
    slotFreed: (agentId) => {
      void queuesOfAgent(agentId).then(
        (queues) => queues.forEach(queueChanged),
        (error: unknown) => logger.warn({ err: error, agentId }, 'routing after transfer failed'),
      );
    },
  });

  /** The queues an agent serves: their departments and the general queue. */
  async function queuesOfAgent(agentId: string): Promise<string[]> {
    const agent = await deps.agents.findById(agentId, { departmentIds: 1 }).lean();
    return [...(agent?.departmentIds ?? []).map((id) => id.toHexString()), GENERAL_QUEUE];
  }

  return {
    capacity,
    /** Effective agent capacities (own, else department default, else the deployment's). */
    limits,
    handlingTimes,
    snapshots,
    router,
    push,
    allQueueKeys,
    queueChanged,
    transfer: (by: AgentPrincipal, payload: ConversationTransfer) => transfers.transfer(by, payload),
    requeue: (conversation: Parameters<typeof transfers.requeue>[0]) => transfers.requeue(conversation),

    /**
     * A chat entered a queue: route it, and push positions shortly (the
     * widget also asks `queue.status` right after starting, since its socket
     * joins the conversation's room only once the start is answered).
     */
    onCreated(conversation: ConversationDocument): void {
      const key = queueKeyOf(conversation.departmentId);
      push.schedule(key);
      if (!conversation.offline) void router.kick(key);
    },

    onAssigned(conversation: ConversationDocument): void {
      push.schedule(queueKeyOf(conversation.departmentId));
    },

    /** A chat ended: learn its handling time, free its agent's slot, route what their queues hold. */
    async onClosed(conversation: ConversationDocument): Promise<void> {
      const key = queueKeyOf(conversation.departmentId);
      push.schedule(key);
      if (!conversation.agentId) return;
      if (conversation.assignedAt && conversation.closedAt) {
        await handlingTimes.record(key, (conversation.closedAt.getTime() - conversation.assignedAt.getTime()) / 1000);
      }
      // A busy lock only delays the counters (the sweep repairs them); routing counts the truth anyway.
      await capacity
        .recount(conversation.agentId)
        .catch((error: unknown) => logger.warn({ err: error }, 'load re-count after close deferred to the sweep'));
      for (const queue of await queuesOfAgent(conversation.agentId.toHexString())) queueChanged(queue);
    },

    /** An agent came online (route their queues) or left (estimates change). */
    async onAgentStatus(agentId: string): Promise<void> {
      for (const queue of await queuesOfAgent(agentId)) queueChanged(queue);
    },

    /** The safety net: repair load counters from the truth, then route and push every queue. */
    async sweep(): Promise<void> {
      const repaired = await capacity.repairAll();
      if (repaired > 0) logger.info({ repaired }, 'routing sweep repaired agent load counters');
      const keys = await allQueueKeys();
      await Promise.all(keys.map((key) => router.kick(key)));
      for (const key of keys) push.schedule(key);
    },

    /** Manual pickup: an agent takes a waiting chat of a queue they serve, with the same claim as routing. */
    async pickup(agent: AgentPrincipal, conversationId: string): Promise<ConversationView> {
      const conversation = await conversations.load(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
      // The general queue is everyone's; a department's chats are its agents' (supervisors: any).
      if (conversation.departmentId) authorize(conversation, { kind: 'agent', agent }, 'read');
      if (conversation.status !== 'queued') throw new AppError('CONFLICT', 'This chat is no longer waiting.');
      const result = await capacity.claim(agent.id, { requireOnline: false }, (record) =>
        conversations.assign(conversationId, toAgentPrincipal(record)),
      );
      if (result.outcome === 'agent-unavailable') {
        throw new AppError('CONFLICT', 'Set your status to online or away to take chats.');
      }
      if (result.outcome === 'agent-full') throw new AppError('CONFLICT', 'You have no free slot for another chat.');
      if (!result.conversation) throw new AppError('CONFLICT', 'Someone else took this chat.');
      deps.metrics.assigned('pickup', result.conversation);
      return toConversationView(result.conversation);
    },

    /** What an agent may take: their departments' queues and the general one (supervisors: every queue). */
    async queueList(agent: AgentPrincipal, query: QueueList): Promise<QueueListing> {
      let keys: string[];
      if (query.departmentId) {
        if (!(await departments.get(query.departmentId))) throw new AppError('NOT_FOUND', 'No such department.');
        if (!isSupervisorRole(agent.role) && !agent.departmentIds.includes(query.departmentId)) {
          throw new AppError('FORBIDDEN', 'You are not in this department.');
        }
        keys = [query.departmentId];
      } else {
        keys = isSupervisorRole(agent.role) ? await allQueueKeys() : [...agent.departmentIds, GENERAL_QUEUE];
      }
      const loaded = await Promise.all(keys.map((key) => snapshots.load(key)));
      return { entries: loaded.flatMap((snapshot) => (snapshot ? snapshots.entriesOf(snapshot) : [])) };
    },

    /** `queue.status`: where one of the customer's own chats stands (NOT_FOUND for anyone else's). */
    async status(customer: { id: string; verified: boolean }, conversationId: string): Promise<QueueUpdate> {
      const conversation = await conversations.get(conversationId, { kind: 'customer', customer }, 'read');
      const snapshot = await snapshots.load(queueKeyOf(conversation.departmentId));
      if (!snapshot) throw new AppError('NOT_FOUND', 'No such conversation.');
      return snapshots.updateFor(snapshot, conversation);
    },

    /** `shared`: for a push, which may take a read another push just made (queue-snapshot.ts). */
    async stats(options: { shared?: boolean } = {}): Promise<QueueStats> {
      const loaded = await Promise.all((await allQueueKeys()).map((key) => snapshots.load(key, options)));
      return {
        departments: loaded.flatMap((snapshot) => (snapshot ? [snapshots.statsOf(snapshot)] : [])),
        at: clock.now().toISOString(),
      };
    },

    async stop(): Promise<void> {
      push.stop();
      await router.stop();
    },
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
