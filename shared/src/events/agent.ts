import type { Ack } from '../ack.js';
import type { AttachmentCancel, AttachmentPrepare, AttachmentPrepared } from '../attachments.js';
import type { AgentStatusSet, AgentStatusUpdated, AgentView } from '../agents.js';
import type { AgentConversationClose, ConversationRef, ConversationView } from '../conversations.js';
import type {
  ConversationSync,
  MessageHistory,
  MessagePage,
  MessageSend,
  MessageSent,
  MessageView,
} from '../messages.js';
import type { ConversationIdle, ConversationIdleCleared } from '../jobs.js';
import type { ReceiptUpdate, ReceiptUpdated, TypingSet, TypingUpdated } from '../presence.js';
import type { AgentConversationView, ConversationReleased, KnowledgeChanged, QueueChanged } from '../desk.js';
import type { ConversationTransfer, ConversationTransferred, QueueList, QueueListing, QueueStats } from '../routing.js';
import type {
  BoardSnapshot,
  IdleSessionList,
  LiveConversationList,
  LiveList,
  ObservedConversation,
  SupervisorActionResult,
  SupervisorClose,
  SupervisorReassign,
} from '../supervision.js';
import type { ConversationSynced } from './customer.js';
import type { SystemClientEvents, SystemServerEvents } from './system.js';

/** Events the agent app may send on the `/agent` namespace. */
export interface AgentClientEvents extends SystemClientEvents {
  'agent.status.set': (payload: AgentStatusSet, ack: Ack<AgentView>) => void;
  'conversation.close': (payload: AgentConversationClose, ack: Ack<ConversationView>) => void;
  'conversation.sync': (payload: ConversationSync, ack: Ack<ConversationSynced>) => void;
  'message.send': (payload: MessageSend, ack: Ack<MessageSent>) => void;
  'message.history': (payload: MessageHistory, ack: Ack<MessagePage>) => void;
  /** Where to upload a file for a chat the agent may write in (`internal` for a note's file). */
  'attachment.prepare': (payload: AttachmentPrepare, ack: Ack<AttachmentPrepared>) => void;
  /** Gives up a prepared upload (the composer's cancel): its bytes are freed at once; another person's is NOT_FOUND. */
  'attachment.cancel': (payload: AttachmentCancel, ack: Ack<null>) => void;
  'typing.set': (payload: TypingSet, ack?: Ack<null>) => void;
  'receipt.update': (payload: ReceiptUpdate, ack?: Ack<ReceiptUpdated>) => void;
  /** The desk's view of one conversation it may read (e.g. after `conversation.updated` for one it did not know). */
  'conversation.view': (payload: ConversationRef, ack: Ack<AgentConversationView>) => void;
  /** Take a waiting chat from the queue (same atomic capacity claim as routing). */
  'conversation.pickup': (payload: ConversationRef, ack: Ack<ConversationView>) => void;
  /** To an agent with room, or to a department (front of its queue), with an internal note. */
  'conversation.transfer': (payload: ConversationTransfer, ack: Ack<ConversationView>) => void;
  /** Waiting chats in the agent's departments (supervisors: all, or one department). */
  'queue.list': (payload: QueueList, ack: Ack<QueueListing>) => void;
  // Supervisor console: supervisors and admins only; agents get FORBIDDEN.
  /** The live board now (updates follow as `supervisor.board.updated`). */
  'supervisor.board.get': (payload: Record<string, never>, ack: Ack<BoardSnapshot>) => void;
  /** Chats flagged idle, longest silence first. */
  'supervisor.idle.list': (payload: Record<string, never>, ack: Ack<IdleSessionList>) => void;
  /** Live chats of an agent or a department, to observe from the board. */
  'supervisor.live.list': (payload: LiveList, ack: Ack<LiveConversationList>) => void;
  /** Hand an idle chat to a chosen agent with a free slot. */
  'supervisor.reassign': (payload: SupervisorReassign, ack: Ack<SupervisorActionResult>) => void;
  /** Put a chat back in its queue, at the front. */
  'supervisor.requeue': (payload: ConversationRef, ack: Ack<SupervisorActionResult>) => void;
  /** Take over: the supervisor becomes the chat's agent. */
  'supervisor.takeover': (payload: ConversationRef, ack: Ack<SupervisorActionResult>) => void;
  /** Close the chat (transcript emailed as on any close). */
  'supervisor.close': (payload: SupervisorClose, ack: Ack<SupervisorActionResult>) => void;
  /** Watch a chat read-only on this socket; the customer is told nothing. */
  'supervisor.observe': (payload: ConversationRef, ack: Ack<ObservedConversation>) => void;
  /** Stop watching (leaves the chat first if joined). */
  'supervisor.unobserve': (payload: ConversationRef, ack: Ack<null>) => void;
  /** Join the observed chat as a participant ("X has joined the chat"). */
  'supervisor.join': (payload: ConversationRef, ack: Ack<ObservedConversation>) => void;
  /** Leave as a participant ("X has left the chat"); observing goes on. */
  'supervisor.leave': (payload: ConversationRef, ack: Ack<ObservedConversation>) => void;
}

export interface AgentSessionReady {
  agent: AgentView;
  /** Conversations assigned to this agent that are not closed, with what the desk shows about them. */
  conversations: AgentConversationView[];
}

/** Events the server sends to the agent app on the `/agent` namespace. */
export interface AgentServerEvents extends SystemServerEvents {
  'session.ready': (payload: AgentSessionReady) => void;
  /** The agent's session ended (signed out elsewhere, deactivated): the socket is closed next. */
  'session.ended': (payload: { reason: 'signed-out' | 'deactivated' | 'expired' }) => void;
  'agent.status.updated': (payload: AgentStatusUpdated) => void;
  'message.created': (message: MessageView) => void;
  'conversation.updated': (conversation: ConversationView) => void;
  'typing.updated': (payload: TypingUpdated) => void;
  'receipt.updated': (payload: ReceiptUpdated) => void;
  /** To supervisors and the chat's agents: a chat went idle past its threshold (customer or agent side). */
  'conversation.idle': (payload: ConversationIdle) => void;
  /** The idle flag cleared: the waited-on side answered, or the chat closed. */
  'conversation.idle-cleared': (payload: ConversationIdleCleared) => void;
  /** To supervisors: per-department queue figures when they change (debounced). */
  'queue.stats': (payload: QueueStats) => void;
  /** To the receiving agent and supervisors: a chat was transferred (with the internal note). */
  'conversation.transferred': (payload: ConversationTransferred) => void;
  /** To the agent who held a chat: it left their desk (reassigned, taken over, transferred, requeued), and why. */
  'conversation.released': (payload: ConversationReleased) => void;
  /** One queue's waiting chats now, to its department's agents and supervisors (debounced). */
  'queue.changed': (payload: QueueChanged) => void;
  /** To every agent: canned responses or articles changed; the desk loads them again. */
  'knowledge.changed': (payload: KnowledgeChanged) => void;
  /** To supervisors: the live board when its figures change (at most about once a second across processes). */
  'supervisor.board.updated': (board: BoardSnapshot) => void;
}
