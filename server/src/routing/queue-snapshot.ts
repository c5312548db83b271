import type {
  DepartmentQueueStats,
  OfflineReason,
  QueueEntry,
  QueueUpdate,
  TransferTargetDepartment,
} from '@switchboard/shared';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import { conversationListingFields } from '../conversations/conversation-view.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { isOpenAt, nextOpeningAt } from '../departments/business-hours.js';
import type { DepartmentRecord } from '../departments/department.model.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { Clock } from './clock.js';
import { estimateWaitSeconds } from './eta.js';
import type { HandlingTimes } from './handling-times.js';
import { departmentIdOf, GENERAL_QUEUE } from './queue-keys.js';
import type { RoutingState } from './routing-state.js';

/** A chat waiting for an agent, as routing orders it. */
export interface WaitingEntry {
  id: string;
  queuedAt: Date;
  priority: number;
}

/** One queue as it is now: what customers, agents and supervisors are told about it. */
export interface QueueSnapshot {
  key: string;
  department: DepartmentRecord | null;
  open: boolean;
  /** Chats waiting for an agent, in routing order (offline messages excluded). */
  waiting: WaitingEntry[];
  /** Messages left offline, waiting for a pickup: how many, since when the oldest. */
  offline: { count: number; oldest: Date | null };
  agentsOnline: number;
  /** Online agents with at least one free slot. */
  agentsWithRoom: number;
  freeSlots: number;
  totalSlots: number;
  medianHandlingSeconds: number | null;
  /** What the wait estimate uses (eta.ts says why the mean). */
  meanHandlingSeconds: number | null;
}

export function createQueueSnapshots(deps: {
  state: RoutingState;
  conversations: ConversationsService;
  departments: DepartmentsService;
  handlingTimes: HandlingTimes;
  clock: Clock;
  /** How long a snapshot this process read may serve its pushes, unless this process changed the queue since. */
  reuseMs: number;
}) {
  const { clock } = deps;
  const recent = new Map<string, { readAt: number; snapshot: Promise<QueueSnapshot | null> }>();

  /** From routing's state in Redis (the waiting order, the agents' slots): no database read. */
  async function read(key: string): Promise<QueueSnapshot | null> {
    const department = key === GENERAL_QUEUE ? null : await deps.departments.get(key);
    if (key !== GENERAL_QUEUE && !department) return null;
    const [waiting, offline, pool, handling] = await Promise.all([
      deps.state.waiting(key),
      deps.state.offlineWaiting(key),
      deps.state.pool(key),
      deps.handlingTimes.summary(key),
    ]);
    return {
      key,
      department,
      open: isOpenAt(department?.hours, clock.now()),
      waiting,
      offline,
      ...pool,
      ...handling,
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
  function updateFor(snapshot: QueueSnapshot, conversation: Pick<WaitingEntry, 'id' | 'queuedAt'>): QueueUpdate {
    const index = snapshot.waiting.findIndex((waiting) => waiting.id === conversation.id);
    const waitedSeconds = (clock.now().getTime() - conversation.queuedAt.getTime()) / 1000;
    const position = index + 1;
    const stillWaiting = index >= 0;
    return {
      conversationId: conversation.id,
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

  /**
   * A department's figures for the transfer dialog. A handed-over chat goes to
   * the front of the queue (priority), behind the chats handed over before it,
   * so its wait is the customers' estimate at that position, not at the back.
   */
  function transferTargetOf(snapshot: QueueSnapshot): Omit<TransferTargetDepartment, 'id' | 'name' | 'openNow'> {
    const position = snapshot.waiting.filter((chat) => chat.priority > 0).length + 1;
    return {
      agentsOnline: snapshot.agentsOnline,
      agentsWithRoom: snapshot.agentsWithRoom,
      estimatedWaitSeconds: snapshot.open ? estimateWaitSeconds({ ...snapshot, position }) : null,
    };
  }

  function statsOf(snapshot: QueueSnapshot): DepartmentQueueStats {
    const waitedSeconds = (oldest: Date | null) =>
      oldest ? Math.max(0, Math.round((clock.now().getTime() - oldest.getTime()) / 1000)) : 0;
    const oldestWaiting = snapshot.waiting.reduce<Date | null>(
      (min, chat) => (min === null || chat.queuedAt < min ? chat.queuedAt : min),
      null,
    );
    return {
      departmentId: snapshot.department?._id.toHexString() ?? null,
      name: snapshot.department?.name ?? 'General',
      open: snapshot.open,
      queued: snapshot.waiting.length,
      longestWaitSeconds: waitedSeconds(oldestWaiting),
      offlineWaiting: snapshot.offline.count,
      longestOfflineWaitSeconds: waitedSeconds(snapshot.offline.oldest),
      agentsOnline: snapshot.agentsOnline,
      freeSlots: snapshot.freeSlots,
      totalSlots: snapshot.totalSlots,
      medianHandlingSeconds: snapshot.medianHandlingSeconds,
      estimatedWaitSeconds: snapshot.open
        ? estimateWaitSeconds({ ...snapshot, position: snapshot.waiting.length + 1 })
        : null,
    };
  }

  /**
   * What agents see of a queue (`queue.list`, the desk's queue): the
   * waiting chats in routing order, then the offline messages, oldest first.
   * Reads the queue's documents for the listing fields.
   */
  async function entriesOf(snapshot: QueueSnapshot): Promise<QueueEntry[]> {
    const queued = await deps.conversations.queuedIn(departmentIdOf(snapshot.key));
    const entry = (conversation: ConversationDocument, position: number): QueueEntry => ({
      ...conversationListingFields(conversation),
      queuedAt: conversation.queuedAt.toISOString(),
      position,
      priority: conversation.priority > 0,
      offline: conversation.offline,
    });
    const byId = new Map(queued.map((conversation) => [conversation._id.toHexString(), conversation]));
    const waiting = snapshot.waiting.flatMap((chat) => {
      const conversation = byId.get(chat.id);
      return conversation && !conversation.offline ? [conversation] : [];
    });
    return [
      ...waiting.map((conversation, index) => entry(conversation, index + 1)),
      ...queued.filter((conversation) => conversation.offline).map((conversation) => entry(conversation, 0)),
    ];
  }

  return {
    load,
    /** This process changed the queue: the next push reads it again. */
    changed: (key: string) => recent.delete(key),
    updateFor,
    transferTargetOf,
    statsOf,
    entriesOf,
  };
}

export type QueueSnapshots = ReturnType<typeof createQueueSnapshots>;
