import { catchUp, request } from '@switchboard/shared/client';
import type { AgentProtocol } from '../api/agent-socket.js';
import { sortQueue } from './desk-queue.js';
import type { DeskStore } from './desk-store.js';

/**
 * Bringing the desk up to date with the server: a chat it did not hold
 * (adopt), the newest page of a chat and older ones while scrolling up, what
 * held chats missed while the socket was down (catch-up by seq), and the
 * queue.
 */
export class DeskSync {
  private readonly adopting = new Set<string>();

  constructor(
    private readonly store: DeskStore,
    private readonly protocol: AgentProtocol,
    private readonly pageSize: number,
  ) {}

  /** The waiting chats this agent may take (their departments' queues and the general one). */
  async refreshQueue(): Promise<void> {
    if (this.store.state.connection !== 'online') return;
    const { entries } = await request(this.protocol, 'queue.list', {});
    this.store.set({ queue: sortQueue(entries) });
  }

  /** A conversation the desk did not hold (a new assignment): its view, then its newest messages. */
  async adopt(conversationId: string, announce = false): Promise<void> {
    if (this.adopting.has(conversationId)) return;
    this.adopting.add(conversationId);
    try {
      this.store.upsert(await request(this.protocol, 'conversation.view', { conversationId }));
      await this.loadNewest(conversationId);
      if (announce) this.store.emitEvent({ type: 'assigned', conversationId });
    } catch {
      // Not ours to read (e.g. reassigned meanwhile): nothing to show.
    } finally {
      this.adopting.delete(conversationId);
    }
  }

  async loadNewest(conversationId: string): Promise<void> {
    const page = await request(this.protocol, 'message.history', { conversationId, limit: this.pageSize });
    // Everything after this page reaches us through the room we already joined:
    // the cursor may start at its end; older pages come from loadOlder.
    this.store.book.log(conversationId).applySyncPage({ ...page, hasMore: false });
    this.store.book.hasOlder.set(conversationId, page.hasMore);
    this.store.rebuild(conversationId);
  }

  async loadOlder(conversationId: string): Promise<void> {
    const { book } = this.store;
    const log = book.has(conversationId) ? book.log(conversationId) : undefined;
    if (!log || book.loadingOlder.has(conversationId) || book.hasOlder.get(conversationId) === false) return;
    const beforeSeq = log.list()[0]?.seq;
    if (beforeSeq === undefined) return;
    book.loadingOlder.add(conversationId);
    this.store.rebuild(conversationId);
    try {
      const page = await request(this.protocol, 'message.history', { conversationId, beforeSeq, limit: this.pageSize });
      log.prepend(page);
      book.hasOlder.set(conversationId, page.hasMore);
    } finally {
      book.loadingOlder.delete(conversationId);
      this.store.rebuild(conversationId);
    }
  }

  /** After a reconnect: what each held conversation missed, from its cursor, until nothing more waits. */
  catchUp(conversationIds: string[]): Promise<void> {
    return catchUp(
      conversationIds.map((id) => this.store.book.log(id)),
      {
        sync: (payload) => request(this.protocol, 'conversation.sync', payload),
        onSynced: ({ conversations, pages }) => {
          for (const view of conversations) this.store.updateView(view.id, () => view);
          for (const page of pages) this.store.rebuild(page.conversationId);
        },
      },
    );
  }
}
