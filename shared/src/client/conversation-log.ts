import type { MessagePage, MessageView } from '../messages.js';

/**
 * The messages of one conversation as a client holds them: each shown once
 * (deduplicated by id), in seq order, with the cursor to catch up from.
 *
 * Why the cursor is the highest *contiguous* seq and not the highest seen:
 * two server processes may broadcast seq 6 before seq 5 reaches us; if we
 * dropped right then, "after 6" would skip 5 for ever. Gaps also happen for
 * good (a seq taken by a send that crashed, or an internal note a customer
 * never sees), so after a complete sync — which returned everything stored
 * after the cursor, with our room already joined for anything later — the
 * cursor jumps to the highest seq held.
 */
export class ConversationLog {
  private readonly byId = new Map<string, MessageView>();
  private readonly seqs = new Set<number>();
  private contiguous = 0;
  private highest = 0;

  constructor(readonly conversationId: string) {}

  /** Where catch-up starts: every message up to here is held (or known not to exist). */
  get cursor(): number {
    return this.contiguous;
  }

  get highestSeq(): number {
    return this.highest;
  }

  /** Adds a message from a broadcast, an ack or a page; false when it was already held. */
  add(message: MessageView): boolean {
    if (message.conversationId !== this.conversationId || this.byId.has(message.id)) return false;
    this.byId.set(message.id, message);
    this.seqs.add(message.seq);
    this.highest = Math.max(this.highest, message.seq);
    while (this.seqs.has(this.contiguous + 1)) this.contiguous += 1;
    return true;
  }

  /** Applies a catch-up page fetched with `afterSeq = cursor`; returns the messages that were new. */
  applySyncPage(page: MessagePage): MessageView[] {
    const added = page.messages.filter((message) => this.add(message));
    const pageEnd = page.messages.at(-1)?.seq ?? this.contiguous;
    this.contiguous = Math.max(this.contiguous, page.hasMore ? pageEnd : this.highest);
    while (this.seqs.has(this.contiguous + 1)) this.contiguous += 1;
    return added;
  }

  /** Older messages from history paging (they never move the cursor back). */
  prepend(page: MessagePage): MessageView[] {
    return page.messages.filter((message) => this.add(message));
  }

  /** Held messages in display order. */
  list(): MessageView[] {
    return [...this.byId.values()].sort((a, b) => a.seq - b.seq);
  }

  get size(): number {
    return this.byId.size;
  }
}
