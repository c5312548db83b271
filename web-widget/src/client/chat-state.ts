import type {
  ConversationView,
  CustomerView,
  ErrorPayload,
  MessageLeft,
  MessageView,
  QueueUpdate,
} from '@switchboard/shared';
import type { OutboxEntry, StagedUpload } from '@switchboard/shared/client';

export type Connection = 'connecting' | 'online' | 'offline';

/** What the widget shows, as one immutable snapshot (React reads it with useSyncExternalStore). */
export interface ChatState {
  connection: Connection;
  /** The server answered `session.ready` at least once: we know whether there is a chat to resume. */
  ready: boolean;
  /** A refusal no retry will fix (origin not allowed, protocol too old, visitor blocked). */
  fatal: ErrorPayload | null;
  /** The last handshake was refused for too many connections from this network (we retry later). */
  connectionLimited: boolean;
  customer: CustomerView | null;
  /** The customer's chat: live, or just closed (the end screen) until `newChat()`. */
  conversation: ConversationView | null;
  /** Stored messages of that chat, by seq, each once. */
  messages: readonly MessageView[];
  /** The customer's messages not stored yet: sending, or failed with a retry button. */
  pending: readonly OutboxEntry[];
  queue: QueueUpdate | null;
  /** Set while the agent types (expires after the server's ttlMs). */
  agentTyping: { name: string | undefined } | null;
  /** What the agent's side has delivered and read (receipt.updated). */
  agentReceipts: { deliveredSeq: number; readSeq: number };
  /** The message left through the offline form. */
  left: MessageLeft | null;
  /** A file picked, pasted or dropped: uploading, ready to send, or failed. */
  staged: StagedUpload | null;
}

export const initialChatState: ChatState = {
  connection: 'connecting',
  ready: false,
  fatal: null,
  connectionLimited: false,
  customer: null,
  conversation: null,
  messages: [],
  pending: [],
  queue: null,
  agentTyping: null,
  agentReceipts: { deliveredSeq: 0, readSeq: 0 },
  left: null,
  staged: null,
};

export type DeliveryStatus = 'sending' | 'failed' | 'sent' | 'delivered' | 'read';

/** Where one of the customer's own stored messages stands on the agent's side. */
export function deliveryStatus(message: MessageView, receipts: ChatState['agentReceipts']): DeliveryStatus {
  if (message.seq <= receipts.readSeq) return 'read';
  if (message.seq <= receipts.deliveredSeq) return 'delivered';
  return 'sent';
}
