import type { Ack } from '../ack.js';
import type { AttachmentCancel, AttachmentPrepare, AttachmentPrepared } from '../attachments.js';
import type {
  ConversationRef,
  ConversationStart,
  ConversationStarted,
  ConversationView,
  CustomerView,
} from '../conversations.js';
import type {
  MessageHistory,
  MessagePage,
  MessageSend,
  MessageSent,
  MessageView,
  ConversationSync,
} from '../messages.js';
import type { ConversationRate, ConversationRated } from '../feedback.js';
import type { TranscriptRequest, TranscriptRequested } from '../jobs.js';
import type { LeaveMessage, MessageLeft, QueueUpdate } from '../routing.js';
import type { ReceiptUpdate, ReceiptUpdated, TypingSet, TypingUpdated } from '../presence.js';
import type { SystemClientEvents, SystemServerEvents } from './system.js';

export interface ConversationSynced {
  /** The conversations asked about, as they are now. */
  conversations: ConversationView[];
  /** Messages after each cursor (internal notes never included for customers). */
  pages: MessagePage[];
}

/** Events a widget (customer) may send on the `/customer` namespace. */
export interface CustomerClientEvents extends SystemClientEvents {
  'conversation.start': (payload: ConversationStart, ack: Ack<ConversationStarted>) => void;
  'conversation.close': (payload: ConversationRef, ack: Ack<ConversationView>) => void;
  'conversation.sync': (payload: ConversationSync, ack: Ack<ConversationSynced>) => void;
  'message.send': (payload: MessageSend, ack: Ack<MessageSent>) => void;
  'message.history': (payload: MessageHistory, ack: Ack<MessagePage>) => void;
  /** Where to upload a file for one of the customer's chats (refused with the reason when it cannot be sent). */
  'attachment.prepare': (payload: AttachmentPrepare, ack: Ack<AttachmentPrepared>) => void;
  /** Gives up a prepared upload (the composer's cancel): its bytes are freed at once; another person's is NOT_FOUND. */
  'attachment.cancel': (payload: AttachmentCancel, ack: Ack<null>) => void;
  'typing.set': (payload: TypingSet, ack?: Ack<null>) => void;
  'receipt.update': (payload: ReceiptUpdate, ack?: Ack<ReceiptUpdated>) => void;
  /** Email the transcript of one of the customer's own conversations. */
  'transcript.request': (payload: TranscriptRequest, ack: Ack<TranscriptRequested>) => void;
  /** The customer's place and wait in the queue now (after a reload; pushes follow as `queue.updated`). */
  'queue.status': (payload: ConversationRef, ack: Ack<QueueUpdate>) => void;
  /** Leave a message (answered by email) when nobody can chat. */
  'conversation.leaveMessage': (payload: LeaveMessage, ack: Ack<MessageLeft>) => void;
  /** Rate one of the customer's own chats once it has closed (1–5 and an optional comment). */
  'conversation.rate': (payload: ConversationRate, ack: Ack<ConversationRated>) => void;
}

export interface CustomerSessionReady {
  /** Null until the visitor starts a conversation (or when the token was unknown). */
  customer: CustomerView | null;
  /** The visitor's queued and active conversations, to resume after a reload. */
  conversations: ConversationView[];
}

/** Events the server sends to widgets on the `/customer` namespace. */
export interface CustomerServerEvents extends SystemServerEvents {
  /** Right after connecting: who the server thinks this visitor is. */
  'session.ready': (payload: CustomerSessionReady) => void;
  'message.created': (message: MessageView) => void;
  'conversation.updated': (conversation: ConversationView) => void;
  'typing.updated': (payload: TypingUpdated) => void;
  'receipt.updated': (payload: ReceiptUpdated) => void;
  /** The place in the queue or the wait changed (debounced), or the offline form should be offered. */
  'queue.updated': (payload: QueueUpdate) => void;
}
