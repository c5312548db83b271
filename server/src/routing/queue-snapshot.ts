import type { DepartmentQueueStats, OfflineReason, QueueEntry, QueueUpdate } from '@switchboard/shared';
import type { AgentModel } from '../agents/agent.model.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import { conversationListingFields } from '../conversations/conversation-view.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { isOpenAt, nextOpeningAt } from '../departments/business-hours.js';
import type { DepartmentRecord } from '../departments/department.model.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import { loadAgentPool, slotsOf } from './agent-pool.js';
import type { CapacityLimits } from './capacity-limits.js';
import type { Clock } from './clock.js';
import { estimateWaitSeconds } from './eta.js';
import type { HandlingTimes } from './handling-times.js';
import { departmentIdOf, GENERAL_QUEUE } from './queue-keys.js';

/** One queue as it is now: what customers, agents and supervisors are told about it. */
export interface QueueSnapshot {
  key: string;
  department: DepartmentRecord | null;
  open: boolean;
  /** Chats waiting for an agent, in routing order (offline messages excluded). */
  waiting: ConversationDocument[];
  /** Offline messages (W5) waiting for a pickup, oldest first. */
  offline: ConversationDocument[];
  agentsOnline: number;
  freeSlots: number;
  totalSlots: number;
  medianHandlingSeconds: number | null;
}

export function createQueueSnapshots(deps: {
  agents: AgentModel;
  conversations: ConversationsService;
  departments: DepartmentsService;
  handlingTimes: HandlingTimes;
  limits: CapacityLimits;
  clock: Clock;
  /** How long a snapshot this process read may serve its pushes, unless this process changed the queue since. */
  reuseMs: number;
}) {
  const { clock } = deps;
  const recent = new Map<string, { readAt: number; snapshot: Promise<QueueSnapshot | null> }>();

  async function read(key: string): Promise<QueueSnapshot | null> {
    const department = key === GENERAL_QUEUE ? null : await deps.departments.get(key);
    if (key !== GENERAL_QUEUE && !department) return null;
    const queued = (await deps.conversations.model
      .find({ status: 'queued', departmentId: departmentIdOf(key) })
      .sort({ priority: -1, queuedAt: 1 })
      .lean()) as ConversationDocument[];
    const pool = await loadAgentPool(deps.agents, departmentIdOf(key), deps.limits);
    return {
      key,
      department,
      open: isOpenAt(department?.hours, clock.now()),
      waiting: queued.filter((conversation) => !conversation.offline),
      offline: queued.filter((conversation) => conversation.offline),
      agentsOnline: pool.candidates.length,
      ...slotsOf(pool),
      medianHandlingSeconds: await deps.handlingTimes.median(key),
    };
  }

  /**
   * The queue now. Pushes (customers' positions, desks' queue lists,
   * supervisors' stats and board) all follow the same change within one
   * debounce window; `shared` lets them take one read between them (each
   * is several commands, on FerretDB several scans) instead of one each. A
   * change made by this process drops the shared read (`changed`), so a push
   * it schedules never sees the queue from before it; changes made by other
   * processes show within `reuseMs`. Answers to a request (`queue.status`,
   * `queue.list`) read afresh.
   */
  function load(key: string, options: { shared?: boolean } = {}): Promise<QueueSnapshot | null> {
    const cached = recent.get(key);
    if (options.shared && cached && performance.now() - cached.readAt <= deps.reuseMs) return cached.snapshot;
    const snapshot = read(key);
    recent.set(key, { readAt: performance.now(), snapshot });
    snapshot.catch(() => {
      if (recent.get(key)?.snapshot === snapshot) recent.delete(key);
    });
    return snapshot;
  }

  /** Why to offer the offline message to someone who has waited `waitedSeconds`, or null. */
  function offlineReason(snapshot: QueueSnapshot, waitedSeconds: number): OfflineReason | null {
    if (!snapshot.open) return 'closed';
    if (snapshot.agentsOnline === 0) return 'no-agents';
    const limit = snapshot.department?.maxQueueWaitSeconds ?? null;
    if (limit !== null && waitedSeconds > limit) return 'max-wait';
    return null;
  }

  /** The update for one conversation of the snapshot (position 0 once it is no longer waiting). */
  function updateFor(snapshot: QueueSnapshot, conversation: ConversationDocument): QueueUpdate {
    const index = snapshot.waiting.findIndex((waiting) => waiting._id.equals(conversation._id));
    const waitedSeconds = (clock.now().getTime() - conversation.queuedAt.getTime()) / 1000;
    const position = index + 1;
    const stillWaiting = index >= 0;
    return {
      conversationId: conversation._id.toHexString(),
      position,
      queueLength: snapshot.waiting.length,
      estimatedWaitSeconds: stillWaiting && snapshot.open ? estimateWaitSeconds({ ...snapshot, position }) : null,
      departmentOpen: snapshot.open,
      nextOpeningAt: snapshot.open
        ? null
        : (nextOpeningAt(snapshot.department?.hours, clock.now())?.toISOString() ?? null),
      offline: stillWaiting ? offlineReason(snapshot, waitedSeconds) : null,
    };
  }

  function statsOf(snapshot: QueueSnapshot): DepartmentQueueStats {
    const oldest = snapshot.waiting.reduce<Date | null>(
      (min, conversation) => (min === null || conversation.queuedAt < min ? conversation.queuedAt : min),
      null,
    );
    return {
      departmentId: snapshot.department?._id.toHexString() ?? null,
      name: snapshot.department?.name ?? 'General',
      open: snapshot.open,
      queued: snapshot.waiting.length,
      longestWaitSeconds: oldest ? Math.max(0, Math.round((clock.now().getTime() - oldest.getTime()) / 1000)) : 0,
      agentsOnline: snapshot.agentsOnline,
      freeSlots: snapshot.freeSlots,
      totalSlots: snapshot.totalSlots,
      medianHandlingSeconds: snapshot.medianHandlingSeconds,
      estimatedWaitSeconds: snapshot.open
        ? estimateWaitSeconds({ ...snapshot, position: snapshot.waiting.length + 1 })
        : null,
    };
  }

  function entriesOf(snapshot: QueueSnapshot): QueueEntry[] {
    const entry = (conversation: ConversationDocument, position: number): QueueEntry => ({
      ...conversationListingFields(conversation),
      queuedAt: conversation.queuedAt.toISOString(),
      position,
      priority: conversation.priority > 0,
      offline: conversation.offline,
    });
    return [
      ...snapshot.waiting.map((conversation, index) => entry(conversation, index + 1)),
      ...snapshot.offline.map((conversation) => entry(conversation, 0)),
    ];
  }

  return {
    load,
    /** This process changed the queue: the next push reads it again. */
    changed: (key: string) => recent.delete(key),
    updateFor,
    statsOf,
    entriesOf,
  };
}

export type QueueSnapshots = ReturnType<typeof createQueueSnapshots>;
