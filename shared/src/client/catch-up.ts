import type { ConversationSynced } from '../events/customer.js';
import { SYNC_MAX_CURSORS, type ConversationSync, type MessageView } from '../messages.js';
import type { ConversationLog } from './conversation-log.js';

export interface CatchUpOptions {
  /** One `conversation.sync` round; undefined stops the catch-up (refused, or the caller moved on). */
  sync: (payload: ConversationSync) => Promise<ConversationSynced | undefined>;
  /** Each answer, after its pages went into their logs; `added` are the messages the logs did not hold. */
  onSynced: (synced: ConversationSynced, added: MessageView[]) => void;
  /** A bound on the rounds, for a client that would rather stop than page through a huge backlog. */
  maxRounds?: number;
}

/**
 * What each log missed while the socket was down, asked from its cursor (the
 * highest seq held with nothing missing before it): SYNC_MAX_CURSORS logs a
 * round, and again for each conversation whose page says more waits.
 */
export async function catchUp(logs: readonly ConversationLog[], options: CatchUpOptions): Promise<void> {
  let rounds = 0;
  const maxRounds = options.maxRounds ?? Number.POSITIVE_INFINITY;
  for (let start = 0; start < logs.length; start += SYNC_MAX_CURSORS) {
    let batch = logs.slice(start, start + SYNC_MAX_CURSORS);
    while (batch.length > 0 && rounds < maxRounds) {
      rounds += 1;
      const cursors = batch.map((log) => ({ conversationId: log.conversationId, afterSeq: log.cursor }));
      const synced = await options.sync({ cursors });
      if (!synced) return;
      const added = synced.pages.flatMap(
        (page) => batch.find((log) => log.conversationId === page.conversationId)?.applySyncPage(page) ?? [],
      );
      options.onSynced(synced, added);
      const more = new Set(synced.pages.filter((page) => page.hasMore).map((page) => page.conversationId));
      batch = batch.filter((log) => more.has(log.conversationId));
    }
  }
}
