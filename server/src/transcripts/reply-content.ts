import type { AuthorKind, Locale } from '@switchboard/shared';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ReplyContent } from './reply-email.js';

/** A visible (non-internal) message of the conversation, as the transcript worker reads them. */
export interface VisibleMessage {
  _id: { toHexString(): string };
  author?: { kind: AuthorKind; displayName?: string | null } | null;
  body: string;
  createdAt: Date;
}

/** The request id of an offline reply's email names the agent's message: `reply-<message id>`. */
export const replyRequestId = (messageId: string): string => `reply-${messageId}`;

/**
 * The Message-ID every email of one case refers to (`References`, and
 * `In-Reply-To` of replies): a stable id per conversation, so a mail client
 * shows a case's emails as one thread.
 */
export const caseThreadId = (conversationId: string, domain: string): string => `<case.${conversationId}@${domain}>`;

/**
 * What the email answering a message left offline says: the agent's message
 * this request is for (the newest agent message if it cannot be found), and
 * what the customer wrote before it — since the agent's previous reply, or
 * their first message when they have written nothing since.
 */
export function replyContent(
  conversation: Pick<ConversationDocument, 'caseNumber' | 'prechat' | 'agentCard'>,
  visible: readonly VisibleMessage[],
  requestId: string,
  locale: Locale,
  timeZone: string,
): ReplyContent {
  const wanted = requestId.startsWith('reply-') ? requestId.slice('reply-'.length) : '';
  const byAgent = (message: VisibleMessage) => message.author?.kind === 'agent';
  let index = visible.findIndex((message) => message._id.toHexString() === wanted);
  if (index < 0) index = visible.findLastIndex(byAgent);
  const reply = visible[index];
  const before = index < 0 ? [] : visible.slice(0, index);
  const previousReply = before.findLastIndex(byAgent);
  const fromCustomer = (messages: readonly VisibleMessage[]) =>
    messages.filter((message) => message.author?.kind === 'customer');
  const since = fromCustomer(before.slice(previousReply + 1));
  const quoted = since.length > 0 ? since : fromCustomer(before).slice(0, 1);
  const first = quoted[0];
  const agentName = reply?.author?.displayName ?? conversation.agentCard?.displayName ?? undefined;
  return {
    locale,
    caseNumber: conversation.caseNumber,
    ...(conversation.prechat?.name ? { customerName: conversation.prechat.name } : {}),
    ...(agentName ? { agentName } : {}),
    reply: reply?.body ?? '',
    ...(first ? { original: { body: quoted.map((message) => message.body).join('\n\n'), at: first.createdAt } } : {}),
    timeZone,
  };
}
