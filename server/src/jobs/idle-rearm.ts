import type { AuthorKind } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { LiveState } from '../messages/live-state.js';
import { firstWakeMs, turnChangeBy, type IdleThresholds, type TurnChange } from './idle-policy.js';
import type { IdleTimers, RescheduleMode } from './idle-timers.js';

/** Department fields the idle timers read (idle-thresholds.ts). */
const IDLE_FIELDS: ReadonlySet<string> = new Set([
  'customerIdleNudgeSeconds',
  'customerIdleCloseSeconds',
  'agentReplySlaSeconds',
  'autoRequeueSeconds',
]);

/** Whether a department change (`fields` set; null: created or archived) may move its chats' idle deadlines. */
export const touchesIdleThresholds = (fields: readonly string[] | null): boolean =>
  !fields || fields.some((field) => IDLE_FIELDS.has(field));

/**
 * The producer side of the idle timers: when a chat's timer is armed
 * afresh (idle-policy.ts decides when and for how long), and the sweeps
 * that have every live chat's timer look at it again.
 */
export function createIdleRearm(deps: {
  timers: Pick<IdleTimers, 'schedule'>;
  thresholds: (departmentId: string | null | undefined) => Promise<IdleThresholds>;
  conversations: Pick<ConversationsService, 'timedLiveIds'>;
}) {
  const { timers } = deps;

  async function arm(conversationId: string, departmentId: string | null | undefined, change: TurnChange) {
    await timers.schedule(conversationId, firstWakeMs(change, await deps.thresholds(departmentId)), 'reset');
  }

  /** Every live, timed chat (of one department, or all) has its timer look at it now; returns how many chats. */
  async function lookAgainNow(departmentId: Types.ObjectId | undefined, mode: RescheduleMode): Promise<number> {
    let count = 0;
    for await (const id of deps.conversations.timedLiveIds(departmentId)) {
      await timers.schedule(id, 0, mode);
      count += 1;
    }
    return count;
  }

  return {
    /**
     * One Redis call (after the ack) when a message hands the turn to the
     * other side, none for further messages of the same turn.
     */
    async afterMessage(
      conversationId: string,
      state: Pick<LiveState, 'status' | 'offline' | 'turn' | 'departmentId'>,
      message: { internal: boolean; author: { kind: AuthorKind } },
    ): Promise<void> {
      const change = turnChangeBy(message, state);
      if (change) await arm(conversationId, state.departmentId, change);
    },

    async afterAssigned(conversation: ConversationDocument): Promise<void> {
      if (conversation.offline) return;
      await arm(conversation._id.toHexString(), conversation.departmentId?.toHexString(), 'assigned');
    },

    /**
     * Thresholds are read when a timer fires, so a raised one already applies
     * (the early wake-up just re-arms later); a lowered one would wait for the
     * pending wake-up. So every live chat of the department looks again now:
     * one Redis call each, on a rare admin action.
     */
    rearmDepartment: async (departmentId: string): Promise<number> => {
      if (!Types.ObjectId.isValid(departmentId)) return 0;
      return lookAgainNow(new Types.ObjectId(departmentId), 'reset');
    },

    /**
     * Timers survive whatever happened to Redis or a job: every live chat gets
     * its timer back, due now, so the processor decides from the chat as it stands. One
     * Redis call per chat, a no-op (deduplicated) for every chat whose timer is
     * pending or running; so it runs at start and as a periodic sweep, which is
     * also what re-arms a timer whose job failed for good (retries spent, or
     * stalled twice) — without it that chat would never be nudged or flagged again.
     */
    restoreLost: () => lookAgainNow(undefined, 'ensure'),
  };
}

export type IdleRearm = ReturnType<typeof createIdleRearm>;
