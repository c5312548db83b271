import type { BoardSnapshot } from '@switchboard/shared';
import type { Redis } from 'ioredis';
import { SUPERVISORS_ROOM } from '../auth/principal.js';
import type { Logger } from '../infra/logger.js';
import { changedSinceLastPush } from '../infra/push-dedupe.js';
import type { SocketServer } from '../infra/socket-server.js';

/**
 * Pushes the live board to supervisors as one aggregated snapshot, at most
 * once per window across every server process: the first process to notice a
 * change takes a Redis marker (SET NX) and computes at the end of the window;
 * the others, seeing the marker, know a push is coming. The marker is dropped
 * just before computing, so a change after that point schedules the next push
 * rather than being missed. A snapshot equal to the last one pushed (by any
 * process, compared by hash in Redis) is not sent again.
 *
 * Waits grow with time and some changes have no hook here (a transfer between
 * agents), so processes with supervisors connected also refresh every
 * `refreshMs`; the same marker keeps that to one computation per window.
 *
 * Nothing is computed while no supervisor is connected to any process: a
 * board is several scans of the live chats on FerretDB, and a busy queue
 * changes every window. Processes with supervisors keep a presence key alive
 * in Redis (set as one joins, renewed every refresh); a supervisor who
 * connects asks for the board anyway.
 */
export function createBoardPush(deps: {
  redis: Redis;
  prefix: string;
  sockets: SocketServer;
  compute: () => Promise<BoardSnapshot>;
  logger: Logger;
  windowMs: number;
  refreshMs: number;
}) {
  const { redis } = deps;
  const pendingKey = `${deps.prefix}:supervision:board:pending`;
  const lastKey = `${deps.prefix}:supervision:board:last`;
  const presentKey = `${deps.prefix}:supervision:present`;
  const namespace = () => deps.sockets.namespace('agent');
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function push(): Promise<void> {
    await redis.del(pendingKey);
    if (!hasLocalSupervisors() && (await redis.exists(presentKey)) === 0) return;
    const snapshot = await deps.compute();
    const { at: _at, ...figures } = snapshot;
    if (!(await changedSinceLastPush(redis, lastKey, figures, deps.refreshMs * 4))) return;
    namespace().to(SUPERVISORS_ROOM).emit('supervisor.board.updated', snapshot);
  }

  // A function, not inline checks: both change while schedule() awaits Redis.
  const busy = () => stopped || timer !== null;

  async function schedule(): Promise<void> {
    if (busy()) return;
    // The marker outlives the window by far, in case this process dies before pushing.
    const won = await redis.set(pendingKey, '1', 'PX', deps.windowMs * 5, 'NX');
    if (won !== 'OK' || busy()) return;
    timer = setTimeout(() => {
      timer = null;
      push().catch((error: unknown) => deps.logger.warn({ err: error }, 'board push failed'));
    }, deps.windowMs);
    timer.unref();
  }

  function hasLocalSupervisors(): boolean {
    return (namespace().adapter.rooms.get(SUPERVISORS_ROOM)?.size ?? 0) > 0;
  }
  /** Someone here watches the board: every process's pushes count (three refreshes long). */
  const markPresent = () =>
    redis
      .set(presentKey, '1', 'PX', deps.refreshMs * 3)
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'board presence not recorded'));
  namespace().adapter.on('join-room', (room: string) => {
    if (room === SUPERVISORS_ROOM) void markPresent();
  });
  const refresh = setInterval(() => {
    if (!hasLocalSupervisors()) return;
    void markPresent().then(() => schedule().catch(() => undefined));
  }, deps.refreshMs);
  refresh.unref();

  return {
    /** Something on the board may have changed: push soon (coalesced). Never throws. */
    changed(): void {
      schedule().catch((error: unknown) => deps.logger.warn({ err: error }, 'board push scheduling failed'));
    },
    stop(): void {
      stopped = true;
      clearInterval(refresh);
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type BoardPush = ReturnType<typeof createBoardPush>;
