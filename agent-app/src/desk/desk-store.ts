import type { AgentConversationView, ConversationReleased } from '@switchboard/shared';
import { SnapshotStore, type OutboxEntry } from '@switchboard/shared/client';
import { ChatBook } from './chat-book.js';
import { countUnread, initialDeskState, type DeskEvent, type DeskState } from './desk-state.js';

/**
 * The desk's state: immutable snapshots React reads (useSyncExternalStore),
 * the chats' mutable book they are built from, and the events the UI turns
 * into notifications. The desk's connection and actions change it only
 * through these methods.
 */
export class DeskStore {
  readonly book = new ChatBook();
  private readonly snapshots = new SnapshotStore<DeskState>(initialDeskState);
  private readonly eventListeners = new Set<(event: DeskEvent) => void>();

  readonly getState = this.snapshots.get;
  readonly subscribe = this.snapshots.subscribe;

  get state(): DeskState {
    return this.snapshots.get();
  }

  set(change: Partial<DeskState>): void {
    this.snapshots.update(change);
  }

  onEvent(listener: (event: DeskEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  emitEvent(event: DeskEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }

  upsert(view: AgentConversationView): void {
    const existing = this.state.chats[view.id];
    // A chat that is (back) on this desk is no longer one that left it.
    const { released: _left, ...kept } = existing ?? ChatBook.empty(view);
    const chat = existing ? { ...kept, view: { ...existing.view, ...view } } : kept;
    const order = this.state.order.includes(view.id) ? this.state.order : [...this.state.order, view.id];
    this.book.log(view.id);
    this.set({ chats: { ...this.state.chats, [view.id]: chat }, order });
  }

  /** The chat left this agent: readable with the reason, no longer writable. */
  markReleased(released: ConversationReleased): void {
    const chat = this.state.chats[released.conversationId];
    if (!chat) return;
    this.set({ chats: { ...this.state.chats, [released.conversationId]: { ...chat, released } } });
    this.emitEvent({ type: 'released', released });
  }

  updateView(id: string, change: (view: AgentConversationView) => Partial<AgentConversationView>): void {
    const chat = this.state.chats[id];
    if (!chat) return;
    const view = { ...chat.view, ...change(chat.view) };
    this.set({
      chats: {
        ...this.state.chats,
        [id]: { ...chat, view, unread: countUnread(chat.messages, view.receipts.agent.readSeq) },
      },
    });
  }

  /** The chat's snapshot again, from the book (its log, messages on their way, paging, typing). */
  rebuild(id: string): void {
    const chat = this.state.chats[id];
    if (chat) this.set({ chats: { ...this.state.chats, [id]: this.book.snapshot(chat) } });
  }

  /** Gone from the desk (its transcript stays on the server). */
  remove(conversationId: string): void {
    const { [conversationId]: _removed, ...chats } = this.state.chats;
    this.book.forget(conversationId);
    this.set({ chats, order: this.state.order.filter((id) => id !== conversationId) });
  }

  /** One of the agent's messages moved on: shown as stored once acked, else as on its way or failed. */
  trackOutbox(entry: OutboxEntry): void {
    const pending = this.book.pending(entry.conversationId);
    if (entry.state === 'sent' && entry.message) {
      pending.delete(entry.clientMessageId);
      this.book.log(entry.conversationId).add(entry.message);
    } else {
      pending.set(entry.clientMessageId, entry);
    }
    this.rebuild(entry.conversationId);
  }

  /** The customer types (or stopped); the indicator goes by itself after `ttlMs` unless refreshed. */
  customerTyping(id: string, typing: boolean, ttlMs: number): void {
    clearTimeout(this.book.typing.get(id));
    this.book.typing.delete(id);
    if (typing) {
      this.book.typing.set(
        id,
        setTimeout(() => {
          this.book.typing.delete(id);
          this.rebuild(id);
        }, ttlMs),
      );
    }
    this.rebuild(id);
  }

  dispose(): void {
    this.book.dispose();
  }
}
