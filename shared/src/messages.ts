import { z } from 'zod';
import type { AttachmentView } from './attachments.js';
import { hasVisibleText } from './text.js';
import { clientMessageIdSchema, objectIdSchema } from './ids.js';

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

const bodySchema = z.string().refine((body) => utf8Length(body) <= MAX_MESSAGE_BYTES, {
  message: `must be at most ${MAX_MESSAGE_BYTES} bytes`,
  params: { appCode: 'PAYLOAD_TOO_LARGE' },
});

export const messageSendSchema = z
  .object({
    conversationId: objectIdSchema,
    clientMessageId: clientMessageIdSchema,
    /** The text; may be empty when the message carries a file (then it is the file's caption). */
    body: bodySchema,
    /** Agents only: an internal note. A customer sending `true` is refused. */
    internal: z.boolean().optional(),
    /** A file this sender uploaded to this conversation (`attachment.prepare`, then the upload). */
    attachmentId: objectIdSchema.optional(),
  })
  .strict()
  .refine((send) => send.attachmentId !== undefined || hasVisibleText(send.body), {
    message: 'must not be empty (nor only invisible characters)',
    path: ['body'],
  });
export type MessageSend = z.infer<typeof messageSendSchema>;

export interface MessageSent {
  message: MessageView;
  /** The original ack of an earlier send with the same clientMessageId. */
  duplicate: boolean;
}

/** Conversations one `conversation.sync` may ask about; clients holding more ask in batches. */
export const SYNC_MAX_CURSORS = 50;

/** Messages after a seq, for catch-up on every (re)connect. */
export const conversationSyncSchema = z
  .object({
    cursors: z
      .array(z.object({ conversationId: objectIdSchema, afterSeq: z.number().int().min(0) }).strict())
      .max(SYNC_MAX_CURSORS),
  })
  .strict();
export type ConversationSync = z.infer<typeof conversationSyncSchema>;

/** Older messages, for scrolling back. */
export const messageHistorySchema = z
  .object({
    conversationId: objectIdSchema,
    /** Messages with a smaller seq; omit for the newest page. */
    beforeSeq: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export type MessageHistory = z.infer<typeof messageHistorySchema>;

export interface MessagePage {
  conversationId: string;
  /** Ascending by seq. */
  messages: MessageView[];
  /** More messages exist beyond this page (older for history, newer for sync: ask again). */
  hasMore: boolean;
}
