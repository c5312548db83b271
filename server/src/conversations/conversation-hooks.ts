import type { ConversationRated, MessageView, ReleaseReason } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { ConversationDocument } from './conversation.model.js';
import type { Admission } from '../messages/live-state.js';

/** A customer's or agent's message just stored: its conversation as the message found it (live-state.ts). */
export interface StoredMessageContext extends Admission {
  conversationId: Types.ObjectId;
}

/**
 * What happens to conversations, for the features that react to it (routing
 * enqueues and frees capacity, jobs reschedule idle timers, reports count).
 * Listeners run after the change is stored; their failures are logged, never
 * surfaced to the customer whose message is already safe.
 */
export interface ConversationEvents {
  created: (conversation: ConversationDocument) => void | Promise<void>;
  /** `claimed`: routing took it out of its queue itself (a routed assignment, a pickup). */
  assigned: (conversation: ConversationDocument, how: { claimed: boolean }) => void | Promise<void>;
  closed: (conversation: ConversationDocument) => void | Promise<void>;
  messageStored: (context: StoredMessageContext, message: MessageView) => void | Promise<void>;
  /** Handed on: to another agent (a transfer, a takeover) or back to a queue (a transfer to a team, a requeue). */
  transferred: (conversation: ConversationDocument, move: ConversationMove) => void | Promise<void>;
  /** The customer rated the chat (again: the rating replaces the earlier one). */
  rated: (conversation: ConversationDocument, rating: ConversationRated) => void | Promise<void>;
  /** A message left while nobody could chat, stored in its new offline conversation. */
  offlineMessageLeft: (conversation: ConversationDocument, message: MessageView) => void | Promise<void>;
}

/** Where a conversation went, and why. */
export interface ConversationMove {
  reason: ReleaseReason;
  fromAgentId: string | null;
  to: { agentId: string } | { departmentId: string | null };
  /** The internal note written with it (never shown to the customer). */
  note?: string;
}

export interface ConversationHooks {
  on<K extends keyof ConversationEvents>(event: K, listener: ConversationEvents[K]): void;
  emit<K extends keyof ConversationEvents>(event: K, ...args: Parameters<ConversationEvents[K]>): Promise<void>;
}

export function createConversationHooks(onError: (error: unknown, event: string) => void): ConversationHooks {
  type AnyListener = (...args: unknown[]) => void | Promise<void>;
  const listeners = new Map<keyof ConversationEvents, AnyListener[]>();
  return {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as AnyListener]);
    },
    async emit(event, ...args) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          await listener(...args);
        } catch (error) {
          onError(error, event);
        }
      }
    },
  };
}
