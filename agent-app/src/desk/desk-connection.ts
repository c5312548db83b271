import type {
  AgentSessionReady,
  AgentStatusUpdated,
  ConversationReleased,
  ConversationTransferred,
  ConversationView,
  MessageSent,
  MessageView,
  QueueChanged,
  ReceiptUpdated,
  TypingUpdated,
} from '@switchboard/shared';
import { Outbox, type OutboxEntry } from '@switchboard/shared/client';
import { applyQueueChange } from './desk-queue.js';
import { DeskRequester } from './desk-request.js';
import type { EndReason } from './desk-state.js';
import { DeskSync } from './desk-sync.js';
import type { DeskTransport } from './transport.js';

export interface DeskClientOptions {
  transport: DeskTransport;
  newId?: () => string;
  ackTimeoutMs?: number;
  /** Messages per history page: the newest page on open, then older ones while scrolling up. */
  pageSize?: number;
  /** Canned responses or articles may have changed (pushed, or missed while disconnected): load them again. */
  onKnowledgeChanged?: () => void;
}

/**
 * The desk's side of the `/agent` socket: what the server pushes (session,
 * messages, updates, typing, receipts, transfers, the queue) and the Outbox
 * that carries the agent's messages (retries with the same clientMessageId).
 * The agent's actions are DeskClient's.
 */
export abstract class DeskConnection extends DeskSync {
  protected readonly outbox: Outbox;
  protected readonly transport: DeskTransport;
  private readonly disposables: (() => void)[] = [];
  private readonly onKnowledgeChanged: () => void;
  private readyBefore = false;

  constructor(options: DeskClientOptions) {
    super(new DeskRequester(options.transport, options.ackTimeoutMs ?? 8_000), options.pageSize ?? 50);
    this.transport = options.transport;
    this.onKnowledgeChanged = options.onKnowledgeChanged ?? (() => undefined);
    this.outbox = new Outbox({
      send: (payload) => this.requests.raw<MessageSent>('message.send', payload),
      newId: options.newId ?? (() => crypto.randomUUID()),
      onChange: (entry) => {
        this.onOutboxChange(entry);
      },
    });
    this.bindServerEvents();
  }

  dispose(): void {
    for (const dispose of this.disposables.splice(0)) dispose();
    this.book.dispose();
    this.outbox.dispose();
    this.transport.disconnect();
  }

  private bindServerEvents(): void {
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
        if (this.state.chats[view.id]) this.updateView(view.id, () => view);
        else if (view.status === 'active' && view.agent?.id === this.state.agent?.id) void this.adopt(view.id, true);
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
      // The chat left this agent, on whichever process it was moved: no composer for it any more.
      'conversation.released': (released: ConversationReleased) => {
        this.markReleased(released);
      },
      'receipt.updated': (receipt: ReceiptUpdated) => {
        this.updateView(receipt.conversationId, (view) => ({
          receipts: {
            ...view.receipts,
            [receipt.side]: { deliveredSeq: receipt.deliveredSeq, readSeq: receipt.readSeq },
          },
        }));
      },
      // Pushed, never polled: `queue.list` on every (re)connect covers what was missed meanwhile.
      'queue.changed': (change: QueueChanged) => {
        this.setState({ queue: applyQueueChange(this.state.queue, change) });
      },
      'knowledge.changed': () => {
        this.onKnowledgeChanged();
      },
    });
  }

  private async onReady({ agent, conversations }: AgentSessionReady): Promise<void> {
    // Chats that left this agent are no longer theirs to read: nothing to catch up on.
    const known = this.book.ids().filter((id) => !this.state.chats[id]?.released);
    const fresh = conversations.filter((view) => !this.book.has(view.id));
    for (const view of conversations) this.upsert(view);
    // Online only once the chats are in: the desk prunes tabs and drafts of chats missing at that moment.
    this.setState({ agent, connection: 'online' });
    this.refreshQueue().catch(() => undefined);
    // A change pushed while this desk was disconnected never reached it.
    if (this.readyBefore) this.onKnowledgeChanged();
    this.readyBefore = true;
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

  protected remove(conversationId: string): void {
    const { [conversationId]: _removed, ...chats } = this.state.chats;
    this.book.forget(conversationId);
    this.setState({ chats, order: this.state.order.filter((id) => id !== conversationId) });
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
}
