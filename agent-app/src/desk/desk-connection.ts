import type { AgentSessionReady, MessageView } from '@switchboard/shared';
import type { Outbox } from '@switchboard/shared/client';
import type { AgentProtocol } from '../api/agent-socket.js';
import { applyQueueChange } from './desk-queue.js';
import type { EndReason } from './desk-state.js';
import type { DeskStore } from './desk-store.js';
import type { DeskSync } from './desk-sync.js';

export interface DeskParts {
  protocol: AgentProtocol;
  store: DeskStore;
  sync: DeskSync;
  /** Carries the agent's messages; sent at once when the session is back. */
  outbox: Outbox;
  /** Canned responses or articles may have changed (pushed, or missed while disconnected). */
  onKnowledgeChanged: () => void;
}

/**
 * The desk's side of the `/agent` socket: what the server pushes (session,
 * messages, updates, typing, receipts, transfers, the queue) and what the
 * desk makes of it. The agent's actions are DeskClient's.
 */
export function listenToServer({ protocol, store, sync, outbox, onKnowledgeChanged }: DeskParts): void {
  let readyBefore = false;

  const end = (reason: EndReason) => {
    if (store.state.connection === 'ended') return;
    store.set({ connection: 'ended', endReason: reason });
    protocol.disconnect();
  };

  const onReady = async ({ agent, conversations }: AgentSessionReady) => {
    const { book } = store;
    // Chats that left this agent are no longer theirs to read: nothing to catch up on.
    const known = book.ids().filter((id) => !store.state.chats[id]?.released);
    const fresh = conversations.filter((view) => !book.has(view.id));
    for (const view of conversations) store.upsert(view);
    // Online only once the chats are in: the desk prunes tabs and drafts of chats missing at that moment.
    store.set({ agent, connection: 'online' });
    sync.refreshQueue().catch(() => undefined);
    // A change pushed while this desk was disconnected never reached it.
    if (readyBefore) onKnowledgeChanged();
    readyBefore = true;
    await Promise.all([sync.catchUp(known), ...fresh.map((view) => sync.loadNewest(view.id))]);
    outbox.flush();
  };

  const onMessage = (message: MessageView) => {
    const { book } = store;
    if (!book.has(message.conversationId)) {
      void sync.adopt(message.conversationId);
      return;
    }
    if (!book.log(message.conversationId).add(message)) return;
    store.rebuild(message.conversationId);
    if (message.author.kind === 'customer') {
      protocol.emit('receipt.update', { conversationId: message.conversationId, deliveredSeq: message.seq });
      store.emitEvent({ type: 'customer-message', message });
    }
  };

  protocol.on({
    disconnect: (reason) => {
      if (store.state.connection === 'ended') return;
      store.set({ connection: 'reconnecting' });
      // The server closed us on purpose (e.g. a restart): Socket.IO waits for us to reconnect.
      if (reason === 'io server disconnect') protocol.connect();
    },
    connect_error: (error) => {
      if (error.data?.code === 'UNAUTHENTICATED') end('expired');
      else if (store.state.connection !== 'ended') store.set({ connection: 'reconnecting' });
    },
    'session.ready': (payload) => void onReady(payload),
    'session.ended': ({ reason }) => {
      end(reason);
    },
    'agent.status.updated': ({ agentId, status }) => {
      const current = store.state.agent;
      if (current?.id === agentId) store.set({ agent: { ...current, status } });
    },
    'message.created': onMessage,
    'conversation.updated': (view) => {
      if (store.state.chats[view.id]) store.updateView(view.id, () => view);
      else if (view.status === 'active' && view.agent?.id === store.state.agent?.id) void sync.adopt(view.id, true);
    },
    'typing.updated': ({ side, conversationId, typing, ttlMs }) => {
      if (side === 'customer' && store.state.chats[conversationId]) store.customerTyping(conversationId, typing, ttlMs);
    },
    // A chat handed to this agent by a colleague or a supervisor.
    'conversation.transferred': ({ conversationId, toAgentId }) => {
      if (toAgentId !== undefined && toAgentId === store.state.agent?.id) void sync.adopt(conversationId, true);
    },
    // The chat left this agent, on whichever process it was moved: no composer for it any more.
    'conversation.released': (released) => {
      store.markReleased(released);
    },
    'receipt.updated': (receipt) => {
      store.updateView(receipt.conversationId, (view) => ({
        receipts: {
          ...view.receipts,
          [receipt.side]: { deliveredSeq: receipt.deliveredSeq, readSeq: receipt.readSeq },
        },
      }));
    },
    // Pushed, never polled: `queue.list` on every (re)connect covers what was missed meanwhile.
    'queue.changed': (change) => {
      store.set({ queue: applyQueueChange(store.state.queue, change) });
    },
    'knowledge.changed': () => {
      onKnowledgeChanged();
    },
  });
}
