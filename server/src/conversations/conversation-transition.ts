import type { ConversationView, MessageView, SystemEvent } from '@switchboard/shared';
import type { MessagesService, SystemLineOptions } from '../messages/messages.service.js';
import type { Broadcaster } from './broadcast.js';
import type { ConversationDocument } from './conversation.model.js';
import { toConversationView } from './conversation-view.js';

/** The system line announcing a change of state (assigned, closed, transferred, requeued). */
export interface TransitionLine {
  event: SystemEvent;
  params?: Record<string, string>;
  options?: Omit<SystemLineOptions, 'publish'>;
}

export interface StateChange {
  /**
   * The conditional write: it matches only a conversation still as the
   * caller saw it, and resolves to the document as stored, or null when it
   * no longer matched (then nothing else happens). It may throw a typed
   * refusal of its own (CONFLICT).
   */
  write: () => Promise<ConversationDocument | null>;
  /**
   * What must be in place before anyone is told: rooms joined or left (a
   * broadcast reaches a room's members as they are when it is sent), a note
   * the receiving agent reads before the line. One that throws ends the
   * change there, written but untold: keep here only what must come first,
   * and give it a write that mirrors itself to the live state if it can fail.
   */
  prepare?: (changed: ConversationDocument) => unknown;
  /** The line, given the conversation as changed. */
  line: (changed: ConversationDocument) => TransitionLine | Promise<TransitionLine>;
}

export interface Transitioned {
  conversation: ConversationDocument;
  /** The line as stored; null when storing it failed (the change stands, see {@link StateChange}). */
  message: MessageView | null;
  /** The conversation as broadcast, its `lastSeq` counting the line. */
  view: ConversationView;
}

export type ChangeState = (change: StateChange) => Promise<Transitioned | null>;

/**
 * The one way a conversation changes state and everyone hears of it, in one
 * order: the conditional write, then what must precede the telling
 * (`prepare`), then the system line stored (mirroring the change to the live
 * state in the same Redis call, so the message path decides on the new state
 * from the line on), then the line and the conversation view broadcast.
 *
 * The rule for the broadcast relative to the ack: everything is broadcast
 * after it is stored and before this resolves, so before the caller sends its
 * ack. Nothing acknowledged or broadcast is ever missing from the database,
 * and whoever misses a broadcast reads it back with `conversation.sync`.
 * (A message is the other way round, acked before it is broadcast: there the
 * ack is the latency the sender feels; the store before both is what keeps
 * either rule from losing anything.)
 *
 * A line that cannot be stored does not undo the change (it stands in the
 * database): the failure is logged, the change is mirrored to the live state
 * on its own, and the view is still broadcast.
 */
export function createStateChanges(deps: {
  messages: Pick<MessagesService, 'storeSystem' | 'liveState'>;
  broadcast: Pick<Broadcaster, 'messageCreated' | 'conversationUpdated'>;
  onSideEffectFailed: (error: unknown, what: string) => void;
}): ChangeState {
  async function storeLine(changed: ConversationDocument, line: TransitionLine): Promise<MessageView | null> {
    try {
      const options = { ...line.options, publish: changed };
      return (await deps.messages.storeSystem(changed, line.event, line.params ?? {}, options)).message;
    } catch (error) {
      deps.onSideEffectFailed(error, `the ${line.event} line was not stored`);
      await deps.messages.liveState
        .publish(changed)
        .catch((cause: unknown) => deps.onSideEffectFailed(cause, 'live state not updated'));
      return null;
    }
  }

  return async function changeState({ write, prepare, line }) {
    const conversation = await write();
    if (!conversation) return null;
    await prepare?.(conversation);
    const message = await storeLine(conversation, await line(conversation));
    const view = toConversationView({ ...conversation, lastSeq: message?.seq ?? conversation.lastSeq });
    if (message) deps.broadcast.messageCreated(message);
    deps.broadcast.conversationUpdated(view);
    return { conversation, message, view };
  };
}
