import type { z } from 'zod';
import type { AttachmentView } from './attachments.js';
import type { messageSendSchema, conversationSyncSchema, messageHistorySchema } from './schemas/messages.js';

/** Longest message body, in UTF-8 bytes. Longer text is refused with PAYLOAD_TOO_LARGE. */
export const MAX_MESSAGE_BYTES = 4096;

export const AUTHOR_KINDS = ['customer', 'agent', 'system'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/** System events that appear in the conversation as messages. */
export const SYSTEM_EVENTS = [
  'conversation.started',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.requeued',
  'conversation.closed',
  'customer.idle-nudge',
  'customer.idle-close',
  'agent.joined',
  'agent.left',
] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

/**
 * System lines written in the advisor's voice ("I'll close this chat for
 * now"): stored with the assigned advisor's name and photo as their author,
 * so customers see who is speaking rather than an unsigned line.
 */
export const ADVISOR_VOICED_EVENTS: readonly SystemEvent[] = ['customer.idle-nudge', 'customer.idle-close'];

/** Lines that end a chat: each close posts exactly one of them. */
export const CLOSING_EVENTS: readonly SystemEvent[] = ['conversation.closed', 'customer.idle-close'];

export interface MessageAuthor {
  kind: AuthorKind;
  /**
   * Agent or customer id. System messages have none, except those in
   * {@link ADVISOR_VOICED_EVENTS}, which carry the advisor they speak for
   * (id, display name, photo).
   */
  id?: string;
  /** What the other side sees: the agent's display name, the customer's name. */
  displayName?: string;
  avatarUrl?: string;
}

/** A stored message as clients see it. */
export interface MessageView {
  id: string;
  conversationId: string;
  /** Per-conversation sequence number from an atomic counter: display order and catch-up cursor. */
  seq: number;
  clientMessageId: string;
  author: MessageAuthor;
  /** Text only; clients render it as text, never as HTML. Masked where it looked like a secret. */
  body: string;
  /** Agents-only note; never sent to a customer. */
  internal: boolean;
  /** True when the server masked a card number or password in the body. */
  masked: boolean;
  /** For system messages: what happened, with parameters to render it in any language. */
  system?: { event: SystemEvent; params: Record<string, string> };
  /** A file sent with the message (the body is then an optional caption). */
  attachment?: AttachmentView;
  createdAt: string;
}

const utf8 = new TextEncoder();

/** Size of a text in UTF-8 bytes, the unit of {@link MAX_MESSAGE_BYTES}. */
export function utf8Length(text: string): number {
  return utf8.encode(text).length;
}

export type MessageSend = z.infer<typeof messageSendSchema>;

export interface MessageSent {
  message: MessageView;
  /** The original ack of an earlier send with the same clientMessageId. */
  duplicate: boolean;
}

/** Conversations one `conversation.sync` may ask about; clients holding more ask in batches. */
export const SYNC_MAX_CURSORS = 50;

export type ConversationSync = z.infer<typeof conversationSyncSchema>;
export type MessageHistory = z.infer<typeof messageHistorySchema>;

export interface MessagePage {
  conversationId: string;
  /** Ascending by seq. */
  messages: MessageView[];
  /** More messages exist beyond this page (older for history, newer for sync: ask again). */
  hasMore: boolean;
}

/** `GET /api/conversations/:id/files`: the messages carrying a file, newest first, however far back. */
export interface ConversationFiles {
  messages: MessageView[];
}
