import { AppError } from '@switchboard/shared';
import { UnrecoverableError, type Job } from 'bullmq';
import { Types } from 'mongoose';
import type { Broadcaster } from '../conversations/broadcast.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { LiveState, LiveStateStore } from '../messages/live-state.js';
import type { Logger } from '../infra/logger.js';
import type { MessagesService, Speaker } from '../messages/messages.service.js';
import type { IdleFlags } from './idle-flags.js';
import {
  decideIdle,
  readTurn,
  turnFromRecord,
  turnMayBeRecorded,
  type IdleAction,
  type IdleThresholds,
  type TurnMessage,
} from './idle-policy.js';
import type { IdleTimers } from './idle-timers.js';
import { idleJobSchema } from './job-queues.js';
import type { JobsMetrics } from './jobs-metrics.js';

/** Enough recent messages to find the start of the current turn in any real chat. */
const TURN_WINDOW = 100;

export interface IdleWorkerDeps {
  conversations: ConversationsService;
  messages: MessagesService;
  broadcast: Broadcaster;
  flags: IdleFlags;
  timers: IdleTimers;
  /** Where messages are admitted: what a decision read, and whether anything moved since. */
  liveState: LiveStateStore;
  thresholds: (departmentId: string | null | undefined) => Promise<IdleThresholds>;
  /** True when closing this conversation will email its transcript (the goodbye then says so). */
  willEmailTranscript: (conversation: ConversationDocument) => boolean;
  /** Puts an agent-unanswered chat back in the queue (routing); absent: auto-requeue is off. */
  requeue?: (conversation: ConversationDocument) => Promise<void>;
  metrics: JobsMetrics;
  logger: Logger;
}

/**
 * The idle timer's processor. It trusts nothing about why it fired: it reads
 * the conversation and its latest messages, asks the policy what is due, re-arms
 * the timer for the next wake-up, then acts. Every action is idempotent
 * (system messages by clientMessageId, flags by compare-and-set, close once),
 * so a stale, duplicated or retried run does nothing twice.
 */
export function idleProcessor(deps: IdleWorkerDeps) {
  const { conversations, messages } = deps;

  async function recentTurnMessages(conversationId: Types.ObjectId): Promise<TurnMessage[]> {
    const found = await messages.latestVisible(conversationId, TURN_WINDOW);
    return found.map((message) => ({
      seq: message.seq,
      author: { kind: message.author?.kind ?? 'system' },
      system: message.system?.event ? { event: message.system.event } : null,
      createdAt: (message as { createdAt: Date }).createdAt,
    }));
  }

  /** The customer wrote (or the chat ended) between our read and now: whatever we decided about their silence is void. */
  async function customerWroteSince(conversation: ConversationDocument, seen: LiveState): Promise<boolean> {
    const now = await deps.liveState.read(conversation._id);
    return now?.status !== 'active' || now.customerSeq !== seen.customerSeq;
  }

  /** Someone wrote, or the chat moved on (another agent, closed), since our read: no requeue. */
  async function chatMovedOn(conversation: ConversationDocument, seen: LiveState): Promise<boolean> {
    const now = await deps.liveState.read(conversation._id);
    return now === null || moved(now, seen);
  }

  async function act(conversation: ConversationDocument, seen: LiveState, action: IdleAction): Promise<void> {
    const id = conversation._id.toHexString();
    switch (action.kind) {
      case 'clear':
        await deps.flags.clear(id, action.reason);
        return;
      case 'flag':
        if (await deps.flags.set(conversation, action.reason, action.since, seen)) {
          deps.metrics.idleActions.inc({ action: 'flag' });
        }
        return;
      case 'nudge': {
        if (await customerWroteSince(conversation, seen)) return;
        // Flag first where messages are admitted (guarded by what we read): once the customer
        // can see the check-in, the flag is there for their answer to clear, so a quick answer
        // can no longer beat it. The document's copy is written beside the check-in.
        const raised = await deps.flags.raise(conversation, 'customer-silent', seen);
        // One check-in per silence: the id names the agent reply that opened the turn.
        const [{ message, duplicate }] = await Promise.all([
          messages.storeSystem(
            conversation,
            'customer.idle-nudge',
            {},
            {
              clientMessageId: `sys-idle-nudge-${action.opener}`,
              ...speakerOf(conversation),
            },
          ),
          raised ? deps.flags.record(conversation, 'customer-silent', action.since) : undefined,
        ]);
        if (!duplicate) {
          deps.broadcast.messageCreated(message);
          deps.metrics.idleActions.inc({ action: 'nudge' });
        }
        return;
      }
      case 'close': {
        if (await customerWroteSince(conversation, seen)) return;
        const emailed = deps.willEmailTranscript(conversation);
        // The kind goodbye is the closing line itself: one line per close, never a second
        // "this chat has ended" after it. close() runs the `closed` hooks: the transcript
        // is queued there, as for any close.
        await conversations.close(conversation, { kind: 'system' }, 'no-response', {
          event: 'customer.idle-close',
          params: emailed ? { caseNumber: conversation.caseNumber, summaryEmailed: 'true' } : {},
          ...speakerOf(conversation),
        });
        deps.metrics.idleActions.inc({ action: 'close' });
        return;
      }
      case 'requeue':
        if (deps.requeue) {
          // Decided on what we read: an answer or a new agent since then must not lose the chat its place.
          if (await chatMovedOn(conversation, seen)) return;
          await deps.requeue(conversation);
          // The next agent starts with a clean slate (and their own SLA from the assignment).
          await deps.flags.clear(id, 'agent-unanswered');
          deps.metrics.idleActions.inc({ action: 'requeue' });
        }
        return;
    }
  }

  return async (job: Job): Promise<string> => {
    const parsed = idleJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid idle job data');
    if (!Types.ObjectId.isValid(parsed.data.conversationId)) throw new UnrecoverableError('invalid conversation id');
    const conversationId = new Types.ObjectId(parsed.data.conversationId);
    // Read before the messages: a message admitted after this read makes every guard below see a change.
    const seen = await deps.liveState.read(conversationId);
    if (!seen) return 'gone';
    // In the customer's turn (a check-in due) the turn comes from the document when it is
    // current (turnFromRecord); otherwise the messages are read, beside the document when the
    // live state already says they will be needed. The guards below need only that both
    // reads come after `seen`.
    const messagesNeeded = !turnMayBeRecorded(seen);
    const [conversation, recent] = await Promise.all([
      conversations.load(parsed.data.conversationId),
      messagesNeeded ? recentTurnMessages(conversationId) : undefined,
    ]);
    if (!conversation) return 'gone';
    const turn = turnFromRecord(conversation, seen) ?? readTurn(recent ?? (await recentTurnMessages(conversationId)));
    const thresholds = await deps.thresholds(conversation.departmentId?.toHexString());
    const now = new Date();
    const decision = decideIdle(
      {
        status: conversation.status,
        offline: conversation.offline,
        assignedAt: conversation.assignedAt,
        idle: conversation.idle,
        turn,
      },
      now,
      thresholds,
    );
    // The next wake-up is stored whether an action below fails or not (the retry and the next
    // look still happen). Beside a check-in or a flag, which leave the chat where it is, it is
    // stored while they run; before a close or a requeue, which arm or stop the timer themselves.
    const rearm = () =>
      decision.wakeAt
        ? deps.timers.schedule(parsed.data.conversationId, decision.wakeAt.getTime() - now.getTime(), 'reset')
        : Promise.resolve();
    const movesTheChat = decision.actions.some((action) => action.kind === 'close' || action.kind === 'requeue');
    if (movesTheChat) await rearm();
    const acting = (async () => {
      for (const action of decision.actions) await act(conversation, seen, action);
    })();
    const [acted, rearmed] = await Promise.allSettled([acting, movesTheChat ? undefined : rearm()]);
    if (acted.status === 'rejected') {
      // The chat closed under us (agent or customer closed it): nothing left to do.
      if (acted.reason instanceof AppError && acted.reason.code === 'CONVERSATION_CLOSED') return 'closed';
      throw acted.reason;
    }
    if (rearmed.status === 'rejected') throw rearmed.reason;
    await lookAgainIfChanged(conversation, seen, movesTheChat);
    return decision.actions.map((action) => action.kind).join(',') || 'waiting';
  };

  /**
   * The re-arm above was decided on what we read at the start. A reschedule
   * that a message or an assignment made after that read but before the
   * re-arm is stored by BullMQ as this job's successor and then *replaced*
   * by the re-arm (the last add wins while a job runs): the turn change would
   * be timed from stale state (a poll an hour away, say). So read once more:
   * if the turn moved meanwhile, look again as soon as this job ends. Any add
   * after this read comes after the state it reflects, so it is never stale.
   * After a close or a requeue that we skipped because the chat moved, any
   * move counts: that run armed nothing for what comes next.
   */
  async function lookAgainIfChanged(read: ConversationDocument, seen: LiveState, movedTheChat: boolean): Promise<void> {
    const id = read._id.toHexString();
    const now = await deps.liveState.read(read._id);
    // Our own close or requeue leaves nothing to time (the next assignment arms the timer again).
    if (now?.status !== 'active' || !(movedTheChat ? moved(now, seen) : turnMoved(now, seen))) return;
    await deps.timers.schedule(id, 0, 'reset');
    deps.logger.debug({ conversationId: id }, 'idle timer: the turn moved during the run; looking again');
  }
}

/** The check-in and the idle goodbye speak as the advisor ("I'm here…"): they are shown under the chat's advisor's name. */
function speakerOf(conversation: ConversationDocument): { speaker?: Speaker } {
  const name = conversation.agentCard?.displayName;
  if (!conversation.agentId || !name) return {};
  return {
    speaker: {
      id: conversation.agentId.toHexString(),
      displayName: name,
      avatarUrl: conversation.agentCard?.avatarUrl,
    },
  };
}

/**
 * Whether the run's re-arm may have replaced a reschedule with a later
 * wake-up than the chat now needs: its state changed (an assignment, another
 * agent, a close), the turn passed to the other side (whose message re-armed
 * the timer), or the customer wrote in their own turn (a new turn may have
 * opened and closed within the run). More customer messages in the agent's
 * turn, or agent messages in the customer's, arm nothing and move neither
 * clock, so the re-arm stands: a chat whose customer keeps writing while the
 * reply is due is not looked at again after every run (it was, at once and
 * over and over, each run reading its latest messages).
 */
function turnMoved(now: LiveState, seen: LiveState): boolean {
  return (
    stateChanged(now, seen) || now.turn !== seen.turn || (seen.turn === 'agent' && now.customerSeq !== seen.customerSeq)
  );
}

/** What the idle decision depends on changed: a message, another agent or assignment, another status. */
function moved(now: LiveState, seen: LiveState): boolean {
  return stateChanged(now, seen) || now.visibleSeq !== seen.visibleSeq;
}

/** The chat's state changed: an assignment or a close (its revision), its status, its agent. */
function stateChanged(now: LiveState, seen: LiveState): boolean {
  return now.rev !== seen.rev || now.status !== seen.status || now.agentId !== seen.agentId;
}
