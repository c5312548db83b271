import type {
  AgentConversationView,
  AgentView,
  ConversationReleased,
  MessageView,
  QueueEntry,
} from '@switchboard/shared';
import type { OutboxEntry } from '@switchboard/shared/client';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'ended';
export type EndReason = 'signed-out' | 'deactivated' | 'expired';

/** One conversation as the desk shows it; rebuilt (new object) whenever it changes. */
export interface ChatState {
  view: AgentConversationView;
  /** Stored messages in seq order, each once. */
  messages: readonly MessageView[];
  /** The agent's messages on their way (or failed: "tap to retry"). */
  pending: readonly OutboxEntry[];
  /** Older history exists beyond the first message held. */
  hasOlder: boolean;
  loadingOlder: boolean;
  customerTyping: boolean;
  /** Customer messages after the agent's read mark. */
  unread: number;
  /**
   * The chat left this agent (reassigned, taken over, transferred, requeued):
   * kept to read with the reason, no longer to write in, until dismissed.
   */
  released?: ConversationReleased;
}

export interface DeskState {
  connection: ConnectionState;
  endReason?: EndReason;
  agent?: AgentView;
  /** Inbox order: assignment order, newest last. */
  order: readonly string[];
  chats: Readonly<Record<string, ChatState>>;
  /** Waiting chats the agent may pick up (refreshed by the inbox while it is shown). */
  queue: readonly QueueEntry[];
}

export const initialDeskState: DeskState = { connection: 'connecting', order: [], chats: {}, queue: [] };

/** Customer messages the agent has not read yet. */
export function countUnread(messages: readonly MessageView[], readSeq: number): number {
  let unread = 0;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (!message || message.seq <= readSeq) break;
    if (message.author.kind === 'customer') unread += 1;
  }
  return unread;
}

/** Something the UI may want to tell the agent about (notifications, sound). */
export type DeskEvent =
  | { type: 'assigned'; conversationId: string }
  | { type: 'customer-message'; message: MessageView }
  | { type: 'released'; released: ConversationReleased };
