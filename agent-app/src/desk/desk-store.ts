import type { AgentConversationView, ConversationReleased } from '@switchboard/shared';
import { ChatBook } from './chat-book.js';
import { countUnread, initialDeskState, type DeskEvent, type DeskState } from './desk-state.js';

/**
 * The desk's state as React reads it: immutable snapshots replaced on every
 * change (for useSyncExternalStore), and the events the UI turns into
 * notifications. DeskClient fills it from the socket.
 */
export abstract class DeskStore {
  protected state: DeskState = initialDeskState;
  protected readonly book = new ChatBook();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: DeskEvent) => void>();

  getState = (): DeskState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  onEvent(listener: (event: DeskEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  protected upsert(view: AgentConversationView): void {
    const existing = this.state.chats[view.id];
    // A chat that is (back) on this desk is no longer one that left it.
    const { released: _left, ...kept } = existing ?? ChatBook.empty(view);
    const chat = existing ? { ...kept, view: { ...existing.view, ...view } } : kept;
    const order = this.state.order.includes(view.id) ? this.state.order : [...this.state.order, view.id];
    this.book.log(view.id);
    this.setState({ chats: { ...this.state.chats, [view.id]: chat }, order });
  }

  /** The chat left this agent: readable with the reason, no longer writable. */
  protected markReleased(released: ConversationReleased): void {
    const chat = this.state.chats[released.conversationId];
    if (!chat) return;
    this.setState({ chats: { ...this.state.chats, [released.conversationId]: { ...chat, released } } });
    this.emitEvent({ type: 'released', released });
  }

  protected updateView(id: string, change: (view: AgentConversationView) => Partial<AgentConversationView>): void {
    const chat = this.state.chats[id];
    if (!chat) return;
    const view = { ...chat.view, ...change(chat.view) };
    this.setState({
      chats: {
        ...this.state.chats,
        [id]: { ...chat, view, unread: countUnread(chat.messages, view.receipts.agent.readSeq) },
      },
    });
  }

  protected rebuild(id: string): void {
    const chat = this.state.chats[id];
    if (chat) this.setState({ chats: { ...this.state.chats, [id]: this.book.snapshot(chat) } });
  }

  protected setState(change: Partial<DeskState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  protected emitEvent(event: DeskEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}
