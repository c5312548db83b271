import {
  AppError,
  type ConversationTransfer,
  type ConversationView,
  type QueueList,
  type QueueListing,
  type QueueStats,
  type QueueUpdate,
  type ReleaseReason,
  type TransferTargetDepartment,
} from '@switchboard/shared';
import type { TeamAway } from '@switchboard/shared/i18n';
import type { Redis } from 'ioredis';
import type { Types } from 'mongoose';
import type { AgentsService } from '../agents/agents.service.js';
import { isSupervisorRole, type AgentPrincipal } from '../auth/principal.js';
import { inAgentsDepartments } from '../conversations/access.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import { toConversationView } from '../conversations/conversation-view.js';
import type { MessagingServices } from '../conversations/messaging.feature.js';
import { isOpenAt } from '../departments/business-hours.js';
import type { DepartmentsService } from '../departments/departments.service.js';
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
import { createRoutingState } from './routing-state.js';
import { createRoutingSync, queuesOf } from './routing-sync.js';
import type { RoutingMetrics } from './routing-metrics.js';
import { createTransfers } from './transfer.js';

export interface RoutingDeps {
  redis: Redis;
  prefix: string;
  logger: Logger;
  sockets: SocketServer;
  clock: Clock;
  agents: Pick<AgentsService, 'departmentIdsOf' | 'getById' | 'routingRecord' | 'routingRecords' | 'writeLoads'>;
  messaging: Pick<MessagingServices, 'conversations' | 'messages' | 'broadcast' | 'hooks'>;
  departments: DepartmentsService;
  metrics: RoutingMetrics;
  generalLanguageFallbackSeconds: number;
  queueDebounceMs: number;
}

/** Routing and queues: what the socket handlers, REST routes, hooks and the sweep call. */
export function createRoutingService(deps: RoutingDeps) {
  const { conversations, messages, broadcast } = deps.messaging;
  const { clock, departments, logger } = deps;
  const limits = createCapacityLimits(() => departments.list());
  const state = createRoutingState(deps.redis, deps.prefix);
  const sync = createRoutingSync({ agents: deps.agents, conversations, limits, state, logger });
  const capacity = createCapacity({ agents: deps.agents, state, sync, logger });
  const handlingTimes = createHandlingTimes(deps.redis, deps.prefix);
  const snapshots = createQueueSnapshots({
    state,
    conversations,
    departments,
    handlingTimes,
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
    logger,
    conversations,
    departments,
    state,
    sync,
    capacity,
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

  /** The queues an agent serves: their departments and the general queue. */
  async function queuesOfAgent(agentId: string): Promise<string[]> {
    const departmentIds = await deps.agents.departmentIdsOf(agentId);
    return departmentIds ? queuesOf({ departmentIds }) : [GENERAL_QUEUE];
  }

  /**
   * Why nobody of a queue's team can answer right now (closed by its hours,
   * nobody online), or null: the welcome line and the transfer line then say
   * so rather than promise an advisor "shortly". `without`: the agent handing
   * the chat over, who counts for nothing (routing will not give it back to them).
   */
  async function teamAway(
    departmentId: Types.ObjectId | string | null | undefined,
    without?: string,
  ): Promise<TeamAway | null> {
    // One script call (the pool's figures), not a whole snapshot: this runs on every chat start.
    const department = departmentId ? await departments.get(departmentId.toString()) : null;
    if (!isOpenAt(department?.hours, clock.now())) return 'closed';
    const pool = await state.pool(queueKeyOf(departmentId), without);
    return pool.agentsOnline === 0 ? 'no-agents' : null;
  }

  const transfers = createTransfers({
    agents: deps.agents,
    conversations,
    messages,
    broadcast,
    departments,
    capacity,
    state,
    sockets: deps.sockets,
    hooks: deps.messaging.hooks,
    teamAway,
    queueChanged,
    slotFreed: (agentId) => {
      void queuesOfAgent(agentId).then(
        (queues) => queues.forEach(queueChanged),
        (error: unknown) => logger.warn({ err: error, agentId }, 'routing after transfer failed'),
      );
    },
  });

  return {
    capacity,
    /** Effective agent capacities (own, else department default, else the deployment's). */
    limits,
    handlingTimes,
    snapshots,
    router,
    push,
    /** Routing's state in Redis, and keeping it in step with the database. */
    state,
    sync,
    allQueueKeys,
    queueChanged,
    transfer: (by: AgentPrincipal, payload: ConversationTransfer, reason?: ReleaseReason) =>
      transfers.transfer(by, payload, reason),
    requeue: (conversation: Parameters<typeof transfers.requeue>[0], by?: AgentPrincipal) =>
      transfers.requeue(conversation, by),
    takeOver: (by: AgentPrincipal, conversationId: string) => transfers.takeOver(by, conversationId),

    /**
     * A chat entered a queue: route it, and push positions shortly (the
     * widget also asks `queue.status` right after starting, since its socket
     * joins the conversation's room only once the start is answered).
     * Offline messages are never routed: agents pick them up.
     */
    async onCreated(conversation: ConversationDocument): Promise<void> {
      const key = queueKeyOf(conversation.departmentId);
      const chat = {
        id: conversation._id.toHexString(),
        language: conversation.language,
        queuedAt: conversation.queuedAt,
        priority: conversation.priority,
      };
      if (conversation.offline) await state.enqueueOffline(key, [chat]);
      else {
        await state.enqueue(key, [chat]);
        void router.kick(key);
      }
      push.schedule(key);
    },

    /** Assigned: out of its queue (routing's own assignments left it when claimed), positions pushed soon. */
    async onAssigned(conversation: ConversationDocument, how: { claimed: boolean }): Promise<void> {
      const key = queueKeyOf(conversation.departmentId);
      if (!how.claimed) await state.dequeue(key, conversation._id.toHexString());
      push.schedule(key);
    },

    /** A chat ended: out of its queue if it was waiting; else learn its handling time and free its agent's slot. */
    async onClosed(conversation: ConversationDocument): Promise<void> {
      const key = queueKeyOf(conversation.departmentId);
      push.schedule(key);
      if (!conversation.agentId) {
        await state.dequeue(key, conversation._id.toHexString());
        return;
      }
      if (conversation.assignedAt && conversation.closedAt) {
        await handlingTimes.record(key, (conversation.closedAt.getTime() - conversation.assignedAt.getTime()) / 1000);
      }
      await capacity.release(conversation.agentId, conversation._id);
      for (const queue of await queuesOfAgent(conversation.agentId.toHexString())) queueChanged(queue);
    },

    /** An agent came online or left, or an admin changed them: routing sees them as stored now. */
    async onAgentChanged(agentId: string): Promise<void> {
      const agent = await sync.syncAgent(agentId);
      for (const queue of agent?.queues.length ? agent.queues : [GENERAL_QUEUE]) queueChanged(queue);
    },

    /** A department changed (its default capacity, hours, archived): its agents and queue again. */
    async onDepartmentChanged(departmentId: string): Promise<void> {
      await sync.syncDepartmentAgents(departmentId);
      queueChanged(departmentId);
    },

    /** Builds routing's state from the database if Redis does not have it (a new deployment, a Redis that lost its data). */
    async prepare(): Promise<void> {
      if (!(await state.isBuilt())) await sync.rebuild();
    },

    /** The safety net: repair routing's state from the database, then route and push every queue. */
    async sweep(): Promise<void> {
      const repaired = await sync.repairAll();
      if (repaired > 0) logger.info({ repaired }, 'routing sweep repaired agent loads from the conversations');
      const keys = await allQueueKeys();
      await Promise.all(keys.map((key) => router.kick(key)));
      for (const key of keys) push.schedule(key);
    },

    /** Manual pickup: an agent takes a waiting chat of a queue they serve, with the same claim as routing. */
    async pickup(agent: AgentPrincipal, conversationId: string): Promise<ConversationView> {
      const conversation = await conversations.load(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
      // The general queue is everyone's; a department's chats are its agents' (supervisors: any).
      if (conversation.departmentId && !isSupervisorRole(agent.role) && !inAgentsDepartments(conversation, agent)) {
        throw new AppError('FORBIDDEN', 'This chat waits in another department.');
      }
      if (conversation.status !== 'queued') throw new AppError('CONFLICT', 'This chat is no longer waiting.');
      const key = queueKeyOf(conversation.departmentId);
      const result = await capacity.claim(agent.id, conversationId, { need: 'present', queue: key }, () =>
        conversations.assign(conversationId, agent, { claimed: true }),
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
      const entries = await Promise.all(
        loaded.map((snapshot) => (snapshot ? snapshots.entriesOf(snapshot) : Promise.resolve([]))),
      );
      return { entries: entries.flat() };
    },

    /** `queue.status`: where one of the customer's own chats stands (NOT_FOUND for anyone else's). */
    async status(customer: { id: string; verified: boolean }, conversationId: string): Promise<QueueUpdate> {
      const conversation = await conversations.get(conversationId, { kind: 'customer', customer }, 'read');
      const snapshot = await snapshots.load(queueKeyOf(conversation.departmentId));
      if (!snapshot) throw new AppError('NOT_FOUND', 'No such conversation.');
      return snapshots.updateFor(snapshot, { id: conversationId, queuedAt: conversation.queuedAt });
    },

    teamAway,

    /**
     * Each department's figures for the transfer dialog (who is online, the
     * wait), read afresh, as `viewerId` would hand a chat over: they do not
     * count themselves (routing will not give the chat back to them).
     */
    async transferTargets(viewerId: string): Promise<TransferTargetDepartment[]> {
      const list = await departments.list();
      const loaded = await Promise.all(
        list.map(async (department) => {
          const [snapshot, pool] = await Promise.all([
            snapshots.load(department.id),
            state.pool(department.id, viewerId),
          ]);
          return snapshot ? { ...snapshot, ...pool } : null;
        }),
      );
      return list.flatMap((department, index) => {
        const snapshot = loaded[index];
        if (!snapshot) return [];
        const { id, name, openNow } = department;
        return [{ id, name, openNow, ...snapshots.transferTargetOf(snapshot) }];
      });
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
      await capacity.flush();
    },
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
