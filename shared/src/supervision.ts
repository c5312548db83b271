import type { z } from 'zod';
import type { AgentStatus } from './agents.js';
import type { ConversationView } from './conversations.js';
import type { AgentConversationView } from './desk.js';
import type { Locale } from './locales.js';
import type { IdleReason } from './jobs.js';
import type { MessagePage } from './messages.js';
import type { DepartmentQueueStats } from './routing.js';
import type { liveListSchema, supervisorReassignSchema, supervisorCloseSchema } from './schemas/supervision.js';

/**
 * The supervisor console's live side (the board, idle sessions, observe and
 * join). Every event and route here is for supervisors and admins only;
 * agents get FORBIDDEN.
 */

/** One department (or the general queue) on the live board: the queue figures plus chats in progress. */
export interface BoardDepartment extends DepartmentQueueStats {
  /** Chats of this department an agent is handling now. */
  activeChats: number;
  /** Agents of this department who are away (not offered new chats, still finishing theirs). */
  agentsAway: number;
}

/** One agent on the live board: status and load against capacity. */
export interface BoardAgent {
  id: string;
  displayName: string;
  role: 'agent' | 'supervisor' | 'admin';
  status: AgentStatus;
  /** Active chats now, counted from the conversations (not a stored counter). */
  load: number;
  capacity: number;
  departmentIds: string[];
  /** Chats of this agent flagged idle. */
  idleChats: number;
}

/** `supervisor.board.get` / `supervisor.board.updated` / `GET /api/supervision/board`. */
export interface BoardSnapshot {
  departments: BoardDepartment[];
  /** Active agents who are online or away, and offline ones still holding chats; by name. */
  agents: BoardAgent[];
  /** `offlineWaiting`: messages left offline not picked up yet, counted apart from chats waiting in queues. */
  totals: {
    queued: number;
    offlineWaiting: number;
    activeChats: number;
    idle: number;
    agentsOnline: number;
    agentsAway: number;
  };
  /** When the figures were computed; waits grow from here. */
  at: string;
}

/** One chat flagged idle, with what a supervisor needs to act on it at a glance. */
export interface IdleSession {
  conversationId: string;
  caseNumber: string;
  reason: IdleReason;
  /** ISO time the silence started. */
  since: string;
  topic: string;
  language: Locale;
  departmentId?: string;
  customerName?: string;
  agentId?: string;
  agentName?: string;
}

/** `supervisor.idle.list` / `GET /api/supervision/idle`: longest silence first. */
export interface IdleSessionList {
  sessions: IdleSession[];
}

/** A live (queued or active) chat, for opening it from the board. */
export interface LiveConversation {
  conversationId: string;
  caseNumber: string;
  status: 'queued' | 'active';
  topic: string;
  language: Locale;
  departmentId?: string;
  customerName?: string;
  agentId?: string;
  agentName?: string;
  queuedAt: string;
  assignedAt?: string;
  idle?: IdleReason;
}

export type LiveList = z.infer<typeof liveListSchema>;

export interface LiveConversationList {
  conversations: LiveConversation[];
}

export type SupervisorReassign = z.infer<typeof supervisorReassignSchema>;
export type SupervisorClose = z.input<typeof supervisorCloseSchema>;

/** Answer of the idle-chat actions: the conversation as it is now. */
export type SupervisorActionResult = ConversationView;

/** `supervisor.observe`: the chat as the desk sees it and its newest messages; live updates follow on this socket. */
export interface ObservedConversation {
  conversation: AgentConversationView;
  page: MessagePage;
  /** Whether this supervisor has joined it as a participant. */
  joined: boolean;
}
