import type {
  AckResult,
  AgentStatus,
  AttachmentCancel,
  AttachmentPrepare,
  AttachmentPrepared,
  AgentView,
  ConversationTransfer,
  ConversationView,
  Disposition,
  MessagePage,
} from '@switchboard/shared';
import { DeskConnection, type DeskClientOptions } from './desk-connection.js';
import type { DeskEvent } from './desk-state.js';

export type { DeskClientOptions, DeskEvent };
export { DeskRequestError } from './desk-request.js';

/** Refresh "typing…" at most this often while the agent keeps typing. */
const TYPING_REFRESH_MS = 3_000;

/**
 * The desk's connection: the only code that talks to the `/agent` socket.
 * Messages go through the shared ConversationLog (dedupe by id, seq order,
 * catch-up cursor) and Outbox (retries with the same clientMessageId), so a
 * dropped network delays a message but never loses or doubles it. React
 * reads immutable snapshots through subscribe/getState (DeskStore). Layers:
 * DeskStore (state) → DeskSync (catch-up) → DeskConnection (server events)
 * → DeskClient (the agent's actions).
 */
export class DeskClient extends DeskConnection {
  private readonly typingSentAt = new Map<string, number>();

  // ---- actions ----
  async setStatus(status: AgentStatus): Promise<void> {
    const agent = await this.requests.request<AgentView>('agent.status.set', { status });
    this.setState({ agent });
  }

  /** Sends a message; `attachmentId`: an uploaded file it carries (the body is then its caption). */
  send(conversationId: string, body: string, internal = false, attachmentId?: string): void {
    const entry = this.outbox.enqueue(conversationId, body, internal, attachmentId);
    if (entry.state !== 'sent') this.book.pending(conversationId).set(entry.clientMessageId, { ...entry });
    this.setTyping(conversationId, false);
    this.rebuild(conversationId);
  }

  /** Where to upload a file for this chat (the answer, refusals included, goes to the composer). */
  prepareUpload(payload: AttachmentPrepare): Promise<AckResult<AttachmentPrepared>> {
    return this.requests.raw<AttachmentPrepared>('attachment.prepare', payload).catch(() => ({
      ok: false as const,
      error: { code: 'TIMEOUT' as const, message: 'The server did not answer.', retryable: true },
    }));
  }

  /** Gives up a prepared upload (a removed or replaced file): its room in the chat comes back at once. */
  cancelUpload(payload: AttachmentCancel): Promise<AckResult<null>> {
    return this.requests.raw<null>('attachment.cancel', payload).catch(() => ({
      ok: false as const,
      error: { code: 'TIMEOUT' as const, message: 'The server did not answer.', retryable: true },
    }));
  }

  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
  }

  async loadOlder(conversationId: string): Promise<void> {
    const log = this.book.has(conversationId) ? this.book.log(conversationId) : undefined;
    if (!log || this.book.loadingOlder.has(conversationId) || this.book.hasOlder.get(conversationId) === false) return;
    const beforeSeq = log.list()[0]?.seq;
    if (beforeSeq === undefined) return;
    this.book.loadingOlder.add(conversationId);
    this.rebuild(conversationId);
    try {
      const page = await this.requests.request<MessagePage>('message.history', {
        conversationId,
        beforeSeq,
        limit: this.pageSize,
      });
      log.prepend(page);
      this.book.hasOlder.set(conversationId, page.hasMore);
    } finally {
      this.book.loadingOlder.delete(conversationId);
      this.rebuild(conversationId);
    }
  }

  /** The agent has seen everything held in this chat: move the read mark (both sides see it). */
  markRead(conversationId: string): void {
    const log = this.book.has(conversationId) ? this.book.log(conversationId) : undefined;
    const chat = this.state.chats[conversationId];
    if (!log || !chat || chat.released || log.highestSeq <= chat.view.receipts.agent.readSeq) return;
    const readSeq = log.highestSeq;
    this.updateView(conversationId, (view) => ({
      receipts: {
        ...view.receipts,
        agent: { deliveredSeq: Math.max(readSeq, view.receipts.agent.deliveredSeq), readSeq },
      },
    }));
    this.transport.emit('receipt.update', { conversationId, readSeq });
  }

  /** Tells the customer the agent is typing; throttled, and `false` only after a `true`. */
  setTyping(conversationId: string, typing: boolean): void {
    const sentAt = this.typingSentAt.get(conversationId);
    const now = Date.now();
    if (typing && sentAt !== undefined && now - sentAt < TYPING_REFRESH_MS) return;
    if (!typing && sentAt === undefined) return;
    if (typing) this.typingSentAt.set(conversationId, now);
    else this.typingSentAt.delete(conversationId);
    if (this.transport.connected) this.transport.emit('typing.set', { conversationId, typing });
  }

  async close(conversationId: string, disposition: Disposition): Promise<void> {
    const view = await this.requests.request<ConversationView>('conversation.close', { conversationId, disposition });
    this.updateView(conversationId, () => ({ ...view, disposition }));
  }

  /** R4: hands the chat to a department (front of its queue) or an agent; it leaves this desk. */
  async transfer(conversationId: string, to: ConversationTransfer['to'], note?: string): Promise<void> {
    await this.requests.request<ConversationView>('conversation.transfer', {
      conversationId,
      to,
      ...(note?.trim() ? { note: note.trim() } : {}),
    });
    this.remove(conversationId);
  }

  /** Takes a waiting chat from the queue (the server claims a slot atomically; CONFLICT if someone was faster). */
  async pickup(conversationId: string): Promise<void> {
    await this.requests.request<ConversationView>('conversation.pickup', { conversationId });
    this.setState({ queue: this.state.queue.filter((entry) => entry.conversationId !== conversationId) });
    await this.adopt(conversationId);
  }

  /** Removes a closed chat, or one that left this agent, from the desk (its transcript stays on the server). */
  dismiss(conversationId: string): void {
    const chat = this.state.chats[conversationId];
    if (chat?.view.status === 'closed' || chat?.released) this.remove(conversationId);
  }
}
