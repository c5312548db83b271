import { describe, expect, it } from 'vitest';
import type { MessageView } from '../messages.js';
import { ConversationLog } from './conversation-log.js';

const message = (seq: number, conversationId = 'c1'): MessageView => ({
  id: `m${seq}`,
  conversationId,
  seq,
  clientMessageId: `client-${seq}`,
  author: { kind: 'customer' },
  body: `text ${seq}`,
  internal: false,
  masked: false,
  createdAt: new Date(0).toISOString(),
});

describe('ConversationLog', () => {
  it('shows each message once, in seq order, whatever the arrival order', () => {
    const log = new ConversationLog('c1');
    for (const seq of [3, 1, 2, 2, 1]) log.add(message(seq));
    expect(log.list().map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(log.size).toBe(3);
  });

  it('keeps the cursor at the highest contiguous seq while a gap is open', () => {
    const log = new ConversationLog('c1');
    log.add(message(1));
    log.add(message(2));
    log.add(message(4)); // 3 broadcast by another process, not here yet
    expect(log.cursor).toBe(2);
    expect(log.highestSeq).toBe(4);
    log.add(message(3));
    expect(log.cursor).toBe(4);
  });

  it('jumps over a gap that a complete sync did not fill (a seq that will never exist)', () => {
    const log = new ConversationLog('c1');
    log.add(message(1));
    log.add(message(3));
    const added = log.applySyncPage({ conversationId: 'c1', messages: [message(3), message(4)], hasMore: false });
    expect(added.map((m) => m.seq)).toEqual([4]);
    expect(log.cursor).toBe(4);
  });

  it('advances only to the end of a partial page, so the next call continues there', () => {
    const log = new ConversationLog('c1');
    log.add(message(9));
    log.applySyncPage({ conversationId: 'c1', messages: [message(1), message(2)], hasMore: true });
    expect(log.cursor).toBe(2);
  });

  it('ignores messages of other conversations', () => {
    const log = new ConversationLog('c1');
    expect(log.add(message(1, 'c2'))).toBe(false);
    expect(log.size).toBe(0);
  });

  it('never moves the cursor back when older history is prepended', () => {
    const log = new ConversationLog('c1');
    log.applySyncPage({ conversationId: 'c1', messages: [message(10)], hasMore: false });
    log.prepend({ conversationId: 'c1', messages: [message(5)], hasMore: true });
    expect(log.cursor).toBe(10);
    expect(log.list().map((m) => m.seq)).toEqual([5, 10]);
  });
});
