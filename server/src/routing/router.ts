import { AppError } from '@switchboard/shared';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { isOpenAt } from '../departments/business-hours.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { Logger } from '../infra/logger.js';
import type { Capacity } from './capacity.js';
import type { Clock } from './clock.js';
import { GENERAL_QUEUE } from './queue-keys.js';
import type { Reservation, RoutingState } from './routing-state.js';
import type { RoutingSync } from './routing-sync.js';

/** Chats one claim reserves; a longer queue is served by the next claim of the same pass. */
const CLAIM_BATCH = 50;
/** Waiting chats one claim looks at (skipping those that wait for a speaker of their language). */
const CLAIM_LOOK = 500;
/** Claims per pass; a trigger that arrives meanwhile runs another pass. */
const MAX_CLAIMS = 40;
/** Assignments written at once: the database takes one write at a time per collection anyway. */
const WRITES_AT_ONCE = 16;
/**
 * Reservations waiting to be written before a pass claims more: enough to
 * keep every writer busy while the next claim runs, few enough that a claim
 * never races far ahead of the writes (a reservation counts on its agent
 * until written, and one older than the sweep's stale limit is dropped).
 */
const UNWRITTEN_BEFORE_NEXT_CLAIM = CLAIM_BATCH;

export interface RouterDeps {
  logger: Logger;
  conversations: ConversationsService;
  departments: DepartmentsService;
  state: RoutingState;
  sync: RoutingSync;
  capacity: Capacity;
  clock: Clock;
  generalLanguageFallbackSeconds: number;
  /** After each automatic assignment (metrics). */
  onAssigned(conversation: ConversationDocument, queueKey: string): void;
}

/**
 * Automatic assignment, one queue at a time. A claim (one Redis script,
 * routing-state.ts) walks the queue oldest first, gives each chat the best
 * agent with room (least-loaded or round-robin, preferring the chat's
 * language) and reserves that agent's slot; the router then writes each
 * assignment with a conditional update that only a chat still waiting
 * matches, and commits the reservation, or gives it back when the chat was
 * taken meanwhile (a pickup, a close). Claims are atomic, so passes on
 * several processes may run at once: each takes the queue's head in order,
 * which keeps assignment FIFO, and none can fill a slot twice.
 *
 * Writes do not hold up the next claim: a pass hands its reservations to the
 * process's writers and returns, so a chat that arrives while earlier
 * assignments are being written is claimed at once rather than after them
 * (a pass used to wait for its slowest write, and each arrival for the pass).
 */
export function createRouter(deps: RouterDeps) {
  const { logger, clock, state } = deps;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const retries = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  const unwritten: { reservation: Reservation; key: string; written: () => void }[] = [];
  let writers = 0;
  const writesInFlight = new Set<Promise<void>>();
  /** Passes waiting for the writers to catch up, woken after each write. */
  const waitingForWriters: (() => void)[] = [];

  /** Comes back to a queue when a waiting chat's language fallback opens (sooner than the sweep). */
  function retryLater(key: string, ms: number) {
    if (stopped || retries.has(key)) return;
    const timer = setTimeout(
      () => {
        retries.delete(key);
        void kick(key);
      },
      Math.max(50, Math.ceil(ms)),
    );
    timer.unref();
    retries.set(key, timer);
  }

  async function assign(reservation: Reservation, key: string): Promise<void> {
    const { conversationId, agentId } = reservation;
    let assigned: ConversationDocument;
    try {
      assigned = await deps.conversations.assign(
        conversationId,
        {
          id: agentId,
          displayName: reservation.displayName,
          ...(reservation.avatarUrl ? { avatarUrl: reservation.avatarUrl } : {}),
        },
        { claimed: true },
      );
    } catch (error) {
      const lost = error instanceof AppError && error.code === 'CONFLICT';
      // Taken meanwhile (closed, picked up): its slot goes back. Not written (the database
      // refused or is away): the chat goes back to its place in the queue as well.
      await state.cancel(agentId, conversationId, {
        previousLast: reservation.previousLast,
        ...(lost ? {} : { requeue: { queue: key, score: reservation.score, info: reservation.info } }),
      });
      if (!lost) logger.warn({ err: error, conversationId, agentId }, 'assignment not written; the chat waits again');
      return;
    }
    deps.capacity.loadChanged(agentId, await state.commit(agentId, conversationId), true);
    deps.onAssigned(assigned, key);
  }

  async function pass(key: string, written: Promise<void>[]): Promise<void> {
    const department = key === GENERAL_QUEUE ? null : await deps.departments.get(key);
    if (key !== GENERAL_QUEUE && !department) return;
    // Closed: chats wait (their customers are offered the offline message) until it opens.
    if (department && !isOpenAt(department.hours, clock.now())) return;
    const options = {
      strategy: department?.strategy ?? 'least-loaded',
      fallbackSeconds: department ? department.languageFallbackSeconds : deps.generalLanguageFallbackSeconds,
      most: CLAIM_BATCH,
      look: CLAIM_LOOK,
    };
    for (let claims = 0; claims < MAX_CLAIMS && !stopped; claims += 1) {
      const claimed = await state.claim(key, options);
      if (!claimed) {
        await deps.sync.rebuild();
        continue;
      }
      if (claimed.retryInMs !== null) retryLater(key, claimed.retryInMs);
      const { reservations } = claimed;
      for (const reservation of reservations) written.push(write(reservation, key));
      if (reservations.length < CLAIM_BATCH) return;
      while (unwritten.length >= UNWRITTEN_BEFORE_NEXT_CLAIM) {
        await new Promise<void>((wake) => waitingForWriters.push(wake));
      }
    }
  }

  /** Queues an assignment for the writers; resolves once it is written or given back (a failure is logged). */
  function write(reservation: Reservation, key: string): Promise<void> {
    const done = new Promise<void>((written) => {
      unwritten.push({ reservation, key, written });
      if (writers < WRITES_AT_ONCE) void writeAll();
    });
    writesInFlight.add(done);
    void done.then(() => writesInFlight.delete(done));
    return done;
  }

  async function writeAll(): Promise<void> {
    writers += 1;
    try {
      for (let item = unwritten.shift(); item; item = unwritten.shift()) {
        await assign(item.reservation, item.key).catch((error: unknown) =>
          logger.error({ err: error, conversationId: item.reservation.conversationId }, 'assignment write failed'),
        );
        item.written();
        for (const wake of waitingForWriters.splice(0)) wake();
      }
    } finally {
      writers -= 1;
    }
  }

  /**
   * Routes a queue now (coalesced: triggers during a claim run one more pass after it); resolves
   * when what the pass claimed is written. Never throws.
   */
  function kick(key: string): Promise<void> {
    if (stopped) return Promise.resolve();
    const current = running.get(key);
    if (current) {
      again.add(key);
      return current;
    }
    const work = (async () => {
      const written: Promise<void>[] = [];
      do {
        again.delete(key);
        try {
          await pass(key, written);
        } catch (error) {
          logger.error({ err: error, queue: key }, 'routing pass failed');
        }
      } while (again.has(key));
      // Forgotten in the same step as the last look at `again`: a kick arriving in any later
      // step starts a new pass (one arriving a few promise hops later, in a .finally(), was lost).
      running.delete(key);
      // The caller hears back once what this pass claimed is written (the sweep, tests).
      await Promise.all(written);
    })();
    running.set(key, work);
    return work;
  }

  return {
    kick,
    /** Waits for the passes running in this process (graceful stop). */
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of retries.values()) clearTimeout(timer);
      retries.clear();
      await Promise.allSettled([...running.values()]);
      await Promise.allSettled([...writesInFlight]);
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
