import {
  SYNC_MAX_CURSORS,
  type AgentConversationView,
  type ConversationSynced,
  type MessagePage,
  type QueueListing,
} from '@switchboard/shared';
import type { DeskRequester } from './desk-request.js';
import { DeskStore } from './desk-store.js';
import { sortQueue } from './desk-queue.js';

/**
 * Bringing the desk up to date with the server: a chat it did not hold
 * (adopt), the newest page of a chat, what held chats missed while the
 * socket was down (catch-up by seq), and the queue.
 */
export abstract class DeskSync extends DeskStore {
  private readonly adopting = new Set<string>();

  protected constructor(
    protected readonly requests: DeskRequester,
    protected readonly pageSize: number,
  ) {
    super();
  }

  /** The waiting chats this agent may take (their departments' queues and the general one). */
  async refreshQueue(): Promise<void> {
    if (this.state.connection !== 'online') return;
    const { entries } = await this.requests.request<QueueListing>('queue.list', {});
    this.setState({ queue: sortQueue(entries) });
  }

  /** A conversation the desk did not hold (a new assignment): its view, then its newest messages. */
  protected async adopt(conversationId: string, announce = false): Promise<void> {
    if (this.adopting.has(conversationId)) return;
    this.adopting.add(conversationId);
    try {
      const view = await this.requests.request<AgentConversationView>('conversation.view', { conversationId });
      this.upsert(view);
      await this.loadNewest(conversationId);
      if (announce) this.emitEvent({ type: 'assigned', conversationId });
    } catch {
      // Not ours to read (e.g. reassigned meanwhile): nothing to show.
    } finally {
      this.adopting.delete(conversationId);
    }
  }

  protected async loadNewest(conversationId: string): Promise<void> {
    const page = await this.requests.request<MessagePage>('message.history', { conversationId, limit: this.pageSize });
    // Everything after this page reaches us through the room we already joined:
    // the cursor may start at its end; older pages come from loadOlder.
    this.book.log(conversationId).applySyncPage({ ...page, hasMore: false });
    this.book.hasOlder.set(conversationId, page.hasMore);
    this.rebuild(conversationId);
  }

  /** After a reconnect: what each held conversation missed, from its cursor, until nothing more waits. */
  protected async catchUp(conversationIds: string[]): Promise<void> {
    for (let start = 0; start < conversationIds.length; start += SYNC_MAX_CURSORS) {
      let batch = conversationIds.slice(start, start + SYNC_MAX_CURSORS);
      while (batch.length > 0) {
        const cursors = batch.map((id) => ({ conversationId: id, afterSeq: this.book.log(id).cursor }));
        const synced = await this.requests.request<ConversationSynced>('conversation.sync', { cursors });
        for (const view of synced.conversations) this.updateView(view.id, () => view);
        for (const page of synced.pages) {
          this.book.log(page.conversationId).applySyncPage(page);
          this.rebuild(page.conversationId);
        }
        batch = synced.pages.filter((page) => page.hasMore).map((page) => page.conversationId);
      }
    }
  }
}
