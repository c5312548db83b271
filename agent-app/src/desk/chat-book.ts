import type { AgentConversationView } from '@switchboard/shared';
import { ConversationLog, type OutboxEntry } from '@switchboard/shared/client';
import { countUnread, type ChatState } from './desk-state.js';

/**
 * The mutable side of the desk's chats: a ConversationLog per conversation
 * (dedupe by id, seq order, catch-up cursor), messages on their way, paging
 * and typing flags. `snapshot` turns one chat into the immutable ChatState
 * React renders.
 */
export class ChatBook {
  private readonly logs = new Map<string, ConversationLog>();
  private readonly pendingById = new Map<string, Map<string, OutboxEntry>>();
  readonly loadingOlder = new Set<string>();
  readonly hasOlder = new Map<string, boolean>();
  readonly typing = new Map<string, ReturnType<typeof setTimeout>>();

  has(id: string): boolean {
    return this.logs.has(id);
  }

  ids(): string[] {
    return [...this.logs.keys()];
  }

  log(id: string): ConversationLog {
    let log = this.logs.get(id);
    if (!log) this.logs.set(id, (log = new ConversationLog(id)));
    return log;
  }

  pending(id: string): Map<string, OutboxEntry> {
    let pending = this.pendingById.get(id);
    if (!pending) this.pendingById.set(id, (pending = new Map<string, OutboxEntry>()));
    return pending;
  }

  forget(id: string): void {
    this.logs.delete(id);
    this.pendingById.delete(id);
    this.hasOlder.delete(id);
    this.loadingOlder.delete(id);
    clearTimeout(this.typing.get(id));
    this.typing.delete(id);
  }

  dispose(): void {
    for (const timer of this.typing.values()) clearTimeout(timer);
    this.typing.clear();
  }

  static empty(view: AgentConversationView): ChatState {
    return { view, messages: [], pending: [], hasOlder: false, loadingOlder: false, customerTyping: false, unread: 0 };
  }

  snapshot(chat: ChatState): ChatState {
    const id = chat.view.id;
    const messages = this.log(id).list();
    return {
      ...chat,
      messages,
      pending: [...(this.pendingById.get(id)?.values() ?? [])],
      hasOlder: this.hasOlder.get(id) ?? false,
      loadingOlder: this.loadingOlder.has(id),
      customerTyping: this.typing.has(id),
      unread: countUnread(messages, chat.view.receipts.agent.readSeq),
    };
  }
}
