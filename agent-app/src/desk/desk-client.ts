import {
  Outbox,
  type AckResult,
  type AgentConversationView,
  type AgentSessionReady,
  type AgentStatus,
  type AgentStatusUpdated,
  type AgentView,
  type ConversationSynced,
  type ConversationTransfer,
  type ConversationTransferred,
  type ConversationView,
  type Disposition,
  type ErrorPayload,
  type MessagePage,
  type MessageSent,
  type MessageView,
  type OutboxEntry,
  type QueueListing,
  type ReceiptUpdated,
  type TypingUpdated,
} from '@switchboard/shared';
import type { DeskEvent, EndReason } from './desk-state.js';
import { DeskStore } from './desk-store.js';
import type { DeskTransport } from './transport.js';

export type { DeskEvent };

/** A refused request, with the server's error (code for logic, message for people). */
export class DeskRequestError extends Error {
  constructor(readonly error: ErrorPayload) {
    super(error.message);
  }
}

export interface DeskClientOptions {
  transport: DeskTransport;
  newId?: () => string;
  ackTimeoutMs?: number;
  /** Messages per history page: the newest page on open, then older ones while scrolling up. */
  pageSize?: number;
}

/** Refresh "typing…" at most this often while the agent keeps typing. */
const TYPING_REFRESH_MS = 3_000;

/**
 * The desk's connection: the only code that talks to the `/agent` socket.
 * Messages go through the shared ConversationLog (dedupe by id, seq order,
 * catch-up cursor) and Outbox (retries with the same clientMessageId), so a
 * dropped network delays a message but never loses or doubles it. React
 * reads immutable snapshots through subscribe/getState.
 */
export class DeskClient extends DeskStore {
  private readonly typingSentAt = new Map<string, number>();
  private readonly adopting = new Set<string>();
  private readonly disposables: (() => void)[] = [];
  private readonly outbox: Outbox;
  private readonly transport: DeskTransport;
  private readonly ackTimeoutMs: number;
  private readonly pageSize: number;

  constructor(options: DeskClientOptions) {
    super();
    this.transport = options.transport;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 8_000;
    this.pageSize = options.pageSize ?? 50;
    this.outbox = new Outbox({
      send: (payload) => this.rawRequest<MessageSent>('message.send', payload),
      newId: options.newId ?? (() => crypto.randomUUID()),
      onChange: (entry) => {
        this.onOutboxChange(entry);
      },
    });
    this.bind({
      disconnect: (reason: string) => {
        if (this.state.connection === 'ended') return;
        this.setState({ connection: 'reconnecting' });
        // The server closed us on purpose (e.g. a restart): Socket.IO waits for us to reconnect.
        if (reason === 'io server disconnect') this.transport.connect();
      },
      connect_error: (error: Error & { data?: { code?: string } }) => {
        const code = error.data?.code;
        if (code === 'UNAUTHENTICATED') this.end('expired');
        else if (this.state.connection !== 'ended') this.setState({ connection: 'reconnecting' });
      },
      'session.ready': (payload: AgentSessionReady) => void this.onReady(payload),
      'session.ended': ({ reason }: { reason: EndReason }) => {
        this.end(reason);
      },
      'agent.status.updated': ({ agentId, status }: AgentStatusUpdated) => {
        if (this.state.agent?.id === agentId) this.setState({ agent: { ...this.state.agent, status } });
      },
      'message.created': (message: MessageView) => {
        this.onMessage(message);
      },
      'conversation.updated': (view: ConversationView) => {
        this.onConversationUpdated(view);
      },
      'typing.updated': (update: TypingUpdated) => {
        this.onTyping(update);
      },
      // A chat handed to this agent by a colleague or a supervisor.
      'conversation.transferred': (event: ConversationTransferred) => {
        if (event.toAgentId !== undefined && event.toAgentId === this.state.agent?.id) {
          void this.adopt(event.conversationId, true);
        }
      },
      'receipt.updated': (receipt: ReceiptUpdated) => {
        this.updateView(receipt.conversationId, (view) => ({
          receipts: {
            ...view.receipts,
            [receipt.side]: { deliveredSeq: receipt.deliveredSeq, readSeq: receipt.readSeq },
          },
        }));
      },
    });
  }

  // ---- actions ----
  async setStatus(status: AgentStatus): Promise<void> {
    const agent = await this.request<AgentView>('agent.status.set', { status });
    this.setState({ agent });
  }

  send(conversationId: string, body: string, internal = false): void {
    const entry = this.outbox.enqueue(conversationId, body, internal);
    if (entry.state !== 'sent') this.book.pending(conversationId).set(entry.clientMessageId, { ...entry });
    this.setTyping(conversationId, false);
    this.rebuild(conversationId);
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
      const page = await this.request<MessagePage>('message.history', {
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
    if (!log || !chat || log.highestSeq <= chat.view.receipts.agent.readSeq) return;
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
    const view = await this.request<ConversationView>('conversation.close', { conversationId, disposition });
    this.updateView(conversationId, () => ({ ...view, disposition }));
  }

  /** R4: hands the chat to a department (front of its queue) or an agent; it leaves this desk. */
  async transfer(conversationId: string, to: ConversationTransfer['to'], note?: string): Promise<void> {
    await this.request<ConversationView>('conversation.transfer', {
      conversationId,
      to,
      ...(note?.trim() ? { note: note.trim() } : {}),
    });
    this.remove(conversationId);
  }

  /** Takes a waiting chat from the queue (the server claims a slot atomically; CONFLICT if someone was faster). */
  async pickup(conversationId: string): Promise<void> {
    await this.request<ConversationView>('conversation.pickup', { conversationId });
    this.setState({ queue: this.state.queue.filter((entry) => entry.conversationId !== conversationId) });
    await this.adopt(conversationId);
  }

  /** The waiting chats this agent may take (their departments' queues and the general one). */
  async refreshQueue(): Promise<void> {
    if (this.state.connection !== 'online') return;
    const { entries } = await this.request<QueueListing>('queue.list', {});
    this.setState({ queue: entries });
  }

  /** Removes a closed chat from the desk (its transcript stays on the server). */
  dismiss(conversationId: string): void {
    if (this.state.chats[conversationId]?.view.status === 'closed') this.remove(conversationId);
  }

  private remove(conversationId: string): void {
    const { [conversationId]: _removed, ...chats } = this.state.chats;
    this.book.forget(conversationId);
    this.setState({ chats, order: this.state.order.filter((id) => id !== conversationId) });
  }

  dispose(): void {
    for (const dispose of this.disposables.splice(0)) dispose();
    this.book.dispose();
    this.outbox.dispose();
    this.transport.disconnect();
  }

  // ---- socket events ----
  private async onReady({ agent, conversations }: AgentSessionReady): Promise<void> {
    const known = this.book.ids();
    const fresh = conversations.filter((view) => !this.book.has(view.id));
    for (const view of conversations) this.upsert(view);
    // Online only once the chats are in: the desk prunes tabs and drafts of chats missing at that moment.
    this.setState({ agent, connection: 'online' });
    await Promise.all([this.catchUp(known), ...fresh.map((view) => this.loadNewest(view.id))]);
    this.outbox.flush();
  }

  private onMessage(message: MessageView): void {
    const log = this.book.has(message.conversationId) ? this.book.log(message.conversationId) : undefined;
    if (!log) {
      void this.adopt(message.conversationId);
      return;
    }
    if (!log.add(message)) return;
    this.rebuild(message.conversationId);
    if (message.author.kind === 'customer') {
      this.transport.emit('receipt.update', { conversationId: message.conversationId, deliveredSeq: message.seq });
      this.emitEvent({ type: 'customer-message', message });
    }
  }

  private onConversationUpdated(view: ConversationView): void {
    if (this.state.chats[view.id]) this.updateView(view.id, () => view);
    else if (view.status === 'active' && view.agent?.id === this.state.agent?.id) void this.adopt(view.id, true);
  }

  private onTyping(update: TypingUpdated): void {
    if (update.side !== 'customer' || !this.state.chats[update.conversationId]) return;
    const id = update.conversationId;
    clearTimeout(this.book.typing.get(id));
    this.book.typing.delete(id);
    if (update.typing) {
      this.book.typing.set(
        id,
        setTimeout(() => {
          this.book.typing.delete(id);
          this.rebuild(id);
        }, update.ttlMs),
      );
    }
    this.rebuild(id);
  }

  // ---- catch-up ----
  /** A conversation the desk did not hold (a new assignment): its view, then its newest messages. */
  private async adopt(conversationId: string, announce = false): Promise<void> {
    if (this.adopting.has(conversationId)) return;
    this.adopting.add(conversationId);
    try {
      const view = await this.request<AgentConversationView>('conversation.view', { conversationId });
      this.upsert(view);
      await this.loadNewest(conversationId);
      if (announce) this.emitEvent({ type: 'assigned', conversationId });
    } catch {
      // Not ours to read (e.g. reassigned meanwhile): nothing to show.
    } finally {
      this.adopting.delete(conversationId);
    }
  }

  private async loadNewest(conversationId: string): Promise<void> {
    const page = await this.request<MessagePage>('message.history', { conversationId, limit: this.pageSize });
    // Everything after this page reaches us through the room we already joined:
    // the cursor may start at its end; older pages come from loadOlder.
    this.book.log(conversationId).applySyncPage({ ...page, hasMore: false });
    this.book.hasOlder.set(conversationId, page.hasMore);
    this.rebuild(conversationId);
  }

  /** After a reconnect: what each held conversation missed, from its cursor, until nothing more waits. */
  private async catchUp(conversationIds: string[]): Promise<void> {
    for (let start = 0; start < conversationIds.length; start += 50) {
      let batch = conversationIds.slice(start, start + 50);
      while (batch.length > 0) {
        const cursors = batch.map((id) => ({ conversationId: id, afterSeq: this.book.log(id).cursor }));
        const synced = await this.request<ConversationSynced>('conversation.sync', { cursors });
        for (const view of synced.conversations) this.updateView(view.id, () => view);
        for (const page of synced.pages) {
          this.book.log(page.conversationId).applySyncPage(page);
          this.rebuild(page.conversationId);
        }
        batch = synced.pages.filter((page) => page.hasMore).map((page) => page.conversationId);
      }
    }
  }

  // ---- state ----
  private onOutboxChange(entry: OutboxEntry): void {
    const pending = this.book.pending(entry.conversationId);
    if (entry.state === 'sent' && entry.message) {
      pending.delete(entry.clientMessageId);
      this.book.log(entry.conversationId).add(entry.message);
    } else {
      pending.set(entry.clientMessageId, entry);
    }
    this.rebuild(entry.conversationId);
  }

  private end(reason: EndReason): void {
    if (this.state.connection === 'ended') return;
    this.setState({ connection: 'ended', endReason: reason });
    this.transport.disconnect();
  }

  private bind(handlers: Record<string, (...args: never[]) => void>): void {
    for (const [event, handler] of Object.entries(handlers)) {
      this.transport.on(event, handler);
      this.disposables.push(() => this.transport.off(event, handler));
    }
  }

  private rawRequest<T>(event: string, payload: unknown): Promise<AckResult<T>> {
    return this.transport.timeout(this.ackTimeoutMs).emitWithAck(event, payload) as Promise<AckResult<T>>;
  }

  private async request<T>(event: string, payload: unknown): Promise<T> {
    const result = await this.rawRequest<T>(event, payload);
    if (!result.ok) throw new DeskRequestError(result.error);
    return result.data;
  }
}
