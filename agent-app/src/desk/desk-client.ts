import type {
  AckResult,
  AgentStatus,
  AttachmentCancel,
  AttachmentPrepare,
  AttachmentPrepared,
  ConversationTransfer,
  Disposition,
} from '@switchboard/shared';
import { Outbox, ProtocolClient, TypingSender, request, type SocketFactory } from '@switchboard/shared/client';
import type { AgentProtocol } from '../api/agent-socket.js';
import { listenToServer } from './desk-connection.js';
import type { DeskEvent } from './desk-state.js';
import { DeskStore } from './desk-store.js';
import { DeskSync } from './desk-sync.js';

export type { DeskEvent };

export interface DeskClientOptions {
  createSocket: SocketFactory;
  newId?: () => string;
  ackTimeoutMs?: number;
  /** Messages per history page: the newest page on open, then older ones while scrolling up. */
  pageSize?: number;
  /** Canned responses or articles may have changed (pushed, or missed while disconnected): load them again. */
  onKnowledgeChanged?: () => void;
}

/**
 * The desk's connection: the only code that talks to the `/agent` socket.
 * Messages go through the shared ConversationLog (dedupe by id, seq order,
 * catch-up cursor) and Outbox (retries with the same clientMessageId), so a
 * dropped network delays a message but never loses or doubles it. React
 * reads immutable snapshots through subscribe/getState. Made of parts: the
 * protocol client (the socket), DeskStore (state), DeskSync (catch-up and
 * history), listenToServer (what the server pushes); the agent's actions are
 * here. Refused actions reject with the server's error as an AppError.
 */
export class DeskClient {
  private readonly store = new DeskStore();
  private readonly protocol: AgentProtocol;
  private readonly sync: DeskSync;
  private readonly outbox: Outbox;
  /** The agent's typing indicator in each chat they have typed in. */
  private readonly typing = new Map<string, TypingSender>();

  readonly getState = this.store.getState;
  readonly subscribe = this.store.subscribe;

  constructor(options: DeskClientOptions) {
    this.protocol = new ProtocolClient({
      createSocket: options.createSocket,
      ackTimeoutMs: options.ackTimeoutMs ?? 8_000,
    });
    this.sync = new DeskSync(this.store, this.protocol, options.pageSize ?? 50);
    this.outbox = new Outbox({
      send: (payload) => this.protocol.ack('message.send', payload),
      newId: options.newId ?? (() => crypto.randomUUID()),
      onChange: (entry) => {
        this.store.trackOutbox(entry);
      },
    });
    listenToServer({
      protocol: this.protocol,
      store: this.store,
      sync: this.sync,
      outbox: this.outbox,
      onKnowledgeChanged: options.onKnowledgeChanged ?? (() => undefined),
    });
    this.protocol.connect();
  }

  onEvent(listener: (event: DeskEvent) => void): () => void {
    return this.store.onEvent(listener);
  }

  /** The waiting chats this agent may take (their departments' queues and the general one). */
  refreshQueue(): Promise<void> {
    return this.sync.refreshQueue();
  }

  /** The page of history before the first message held, while the agent scrolls up. */
  loadOlder(conversationId: string): Promise<void> {
    return this.sync.loadOlder(conversationId);
  }

  async setStatus(status: AgentStatus): Promise<void> {
    this.store.set({ agent: await request(this.protocol, 'agent.status.set', { status }) });
  }

  /** Sends a message; `attachmentId`: an uploaded file it carries (the body is then its caption). */
  send(conversationId: string, body: string, internal = false, attachmentId?: string): void {
    const entry = this.outbox.enqueue(conversationId, body, internal, attachmentId);
    if (entry.state !== 'sent') this.store.book.pending(conversationId).set(entry.clientMessageId, { ...entry });
    this.setTyping(conversationId, false);
    this.store.rebuild(conversationId);
  }

  /** Where to upload a file for this chat (the answer, refusals included, goes to the composer). */
  prepareUpload(payload: AttachmentPrepare): Promise<AckResult<AttachmentPrepared>> {
    return this.protocol.ask('attachment.prepare', payload);
  }

  /** Gives up a prepared upload (a removed or replaced file): its room in the chat comes back at once. */
  cancelUpload(payload: AttachmentCancel): Promise<AckResult<null>> {
    return this.protocol.ask('attachment.cancel', payload);
  }

  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
  }

  /** The agent has seen everything held in this chat: move the read mark (both sides see it). */
  markRead(conversationId: string): void {
    const { book, state } = this.store;
    const log = book.has(conversationId) ? book.log(conversationId) : undefined;
    const chat = state.chats[conversationId];
    if (!log || !chat || chat.released || log.highestSeq <= chat.view.receipts.agent.readSeq) return;
    const readSeq = log.highestSeq;
    this.store.updateView(conversationId, (view) => ({
      receipts: {
        ...view.receipts,
        agent: { deliveredSeq: Math.max(readSeq, view.receipts.agent.deliveredSeq), readSeq },
      },
    }));
    this.protocol.emit('receipt.update', { conversationId, readSeq });
  }

  /** The agent is typing in this chat (call on every input); throttled, and stops by itself after a pause. */
  setTyping(conversationId: string, typing: boolean): void {
    let sender = this.typing.get(conversationId);
    if (!sender && !typing) return;
    if (!sender) {
      sender = new TypingSender((active) => {
        if (this.protocol.connected) this.protocol.emit('typing.set', { conversationId, typing: active });
      });
      this.typing.set(conversationId, sender);
    }
    if (typing) sender.keystroke();
    else sender.stop();
  }

  async close(conversationId: string, disposition: Disposition): Promise<void> {
    const view = await request(this.protocol, 'conversation.close', { conversationId, disposition });
    this.store.updateView(conversationId, () => ({ ...view, disposition }));
  }

  /** Hands the chat to a department (front of its queue) or an agent, with a note; it leaves this desk. */
  async transfer(conversationId: string, to: ConversationTransfer['to'], note?: string): Promise<void> {
    await request(this.protocol, 'conversation.transfer', {
      conversationId,
      to,
      ...(note?.trim() ? { note: note.trim() } : {}),
    });
    this.store.remove(conversationId);
  }

  /** Takes a waiting chat from the queue (the server claims a slot atomically; CONFLICT if someone was faster). */
  async pickup(conversationId: string): Promise<void> {
    await request(this.protocol, 'conversation.pickup', { conversationId });
    this.store.set({ queue: this.store.state.queue.filter((entry) => entry.conversationId !== conversationId) });
    await this.sync.adopt(conversationId);
  }

  /** Removes a closed chat, or one that left this agent, from the desk (its transcript stays on the server). */
  dismiss(conversationId: string): void {
    const chat = this.store.state.chats[conversationId];
    if (chat?.view.status === 'closed' || chat?.released) this.store.remove(conversationId);
  }

  dispose(): void {
    this.protocol.dispose();
    this.store.dispose();
    this.outbox.dispose();
    for (const sender of this.typing.values()) sender.dispose();
  }
}
