import { describe, expect, it } from 'vitest';
import type { ConversationSynced } from '../events/customer.js';
import { SYNC_MAX_CURSORS, type ConversationSync, type MessageView } from '../messages.js';
import { catchUp } from './catch-up.js';
import { ConversationLog } from './conversation-log.js';

const message = (conversationId: string, seq: number): MessageView => ({
  id: `${conversationId}-m${seq}`,
  conversationId,
  seq,
  clientMessageId: `${conversationId}-client-${seq}`,
  author: { kind: 'customer' },
  body: `text ${seq}`,
  internal: false,
  masked: false,
  createdAt: new Date(0).toISOString(),
});

/** A server holding `stored` messages per conversation, answering at most `pageSize` after each cursor. */
function server(stored: Record<string, number>, pageSize: number) {
  const asked: ConversationSync[] = [];
  const sync = (payload: ConversationSync): Promise<ConversationSynced> => {
    asked.push(payload);
    const pages = payload.cursors.map(({ conversationId, afterSeq }) => {
      const last = Math.min(stored[conversationId] ?? 0, afterSeq + pageSize);
      const seqs = Array.from({ length: Math.max(0, last - afterSeq) }, (_, i) => afterSeq + i + 1);
      return {
        conversationId,
        messages: seqs.map((seq) => message(conversationId, seq)),
        hasMore: last < (stored[conversationId] ?? 0),
      };
    });
    return Promise.resolve({ conversations: [], pages });
  };
  return { asked, sync };
}

describe('catchUp', () => {
  it('asks from each cursor and again while a page says more waits, until every log holds everything', async () => {
    const logs = [new ConversationLog('c1'), new ConversationLog('c2')];
    logs[0]?.add(message('c1', 1));
    const { asked, sync } = server({ c1: 5, c2: 2 }, 2);
    const added: number[] = [];
    await catchUp(logs, { sync, onSynced: (_, fresh) => added.push(fresh.length) });
    expect(asked.map((payload) => payload.cursors)).toEqual([
      [
        { conversationId: 'c1', afterSeq: 1 },
        { conversationId: 'c2', afterSeq: 0 },
      ],
      [{ conversationId: 'c1', afterSeq: 3 }],
    ]);
    expect(logs.map((log) => log.cursor)).toEqual([5, 2]);
    expect(added).toEqual([4, 2]);
  });

  it(`asks about ${SYNC_MAX_CURSORS} conversations at a time at most`, async () => {
    const logs = Array.from({ length: SYNC_MAX_CURSORS + 1 }, (_, i) => new ConversationLog(`c${i}`));
    const { asked, sync } = server({}, 10);
    await catchUp(logs, { sync, onSynced: () => undefined });
    expect(asked.map((payload) => payload.cursors.length)).toEqual([SYNC_MAX_CURSORS, 1]);
  });

  it('stops when an answer is refused, and after the rounds it may take', async () => {
    const log = new ConversationLog('c1');
    const { asked, sync } = server({ c1: 100 }, 1);
    await catchUp([log], { sync: (payload) => sync(payload).then(() => undefined), onSynced: () => undefined });
    expect(asked).toHaveLength(1);
    expect(log.size).toBe(0);
    await catchUp([log], { sync, onSynced: () => undefined, maxRounds: 3 });
    expect(log.cursor).toBe(3);
  });
});
