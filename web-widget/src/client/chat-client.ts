import {
  PROTOCOL_VERSION,
  type AckResult,
  type ConversationView,
  type CustomerClientEvents,
  type CustomerHandshake,
  type CustomerIdentity,
  type CustomerServerEvents,
  type ErrorCode,
  type ErrorPayload,
  type MessageView,
  type Prechat,
} from '@switchboard/shared';
import { AttachmentUploads, ConversationLog, Outbox, xhrPut, type PutFile } from '@switchboard/shared/client';
import { initialChatState, type ChatState } from './chat-state';
import { TIMEOUT_ERROR, type AckData, type ChatSocket, type Payload, type SocketFactory } from './socket-port';
import type { TokenStore } from './token-store';
import { TypingSender } from './typing-sender';

export interface ChatClientOptions {
  createSocket: SocketFactory;
  tokens: TokenStore;
  identity?: CustomerIdentity | null;
  /** A fresh id per message or request, reused on its retries. */
  newId?: () => string;
  ackTimeoutMs?: number;
  /** Outbox attempts before a message shows "tap to retry". */
  maxAttempts?: number;
  /** How file bytes are sent (XMLHttpRequest in the browser, for its progress events). */
  putFile?: PutFile;
}

/** The server's refusal where customer files are off, given without asking it (the file is not sent). */
const FILES_OFF: ErrorPayload = {
  code: 'FORBIDDEN',
  message: 'Files cannot be sent in this chat.',
  retryable: false,
  details: { reason: 'not-allowed', maxBytes: 0, types: [] },
};

type Handlers = { [E in keyof CustomerServerEvents]: CustomerServerEvents[E] };
/** Refusals a reconnect cannot fix: show them instead of retrying for ever. */
const FATAL_CODES = new Set<ErrorCode>(['ORIGIN_NOT_ALLOWED', 'PROTOCOL_VERSION_UNSUPPORTED', 'VISITOR_BLOCKED']);

/**
 * The widget's connection to Switchboard (X1, W3). Owns the socket and keeps
 * the promises the product makes: a message is sent once even when retried
 * (Outbox, same clientMessageId), shown once and in order (ConversationLog),
 * caught up after every reconnect (sync from the log's cursor), and the chat
 * resumes after a reload from the stored visitor token. React reads it
 * through `subscribe`/`getSnapshot`; components never see the socket.
 */
export class ChatClient {
  private state: ChatState = initialChatState;
  private readonly listeners = new Set<() => void>();
  private readonly incoming = new Set<(message: MessageView) => void>();
  private readonly disposables: (() => void)[] = [];
  private readonly socket: ChatSocket;
  private readonly outbox: Outbox;
  private readonly typing: TypingSender;
  private readonly files: AttachmentUploads;
  private log: ConversationLog | null = null;
  private identity: CustomerIdentity | null;
  private presentedToken = false;
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private readSent = 0;
  /** Handshakes refused in a row for now (busy, database away): each wait before trying again is longer. */
  private refusals = 0;
  private readonly newId: () => string;
  private readonly ackTimeoutMs: number;

  constructor(private readonly options: ChatClientOptions) {
    this.identity = options.identity ?? null;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.outbox = new Outbox({
      send: (payload) => {
        // Offline, fail fast: the outbox backs off and `flush()` on reconnect sends at once.
        if (!this.socket.connected) return Promise.reject(new Error('offline'));
        return this.socket.timeout(this.ackTimeoutMs).emitWithAck('message.send', payload) as Promise<
          AckResult<AckData<'message.send'>>
        >;
      },
      newId: this.newId,
      onChange: (entry) => {
        if (entry.message) this.addMessages([entry.message]);
        this.refreshPending();
      },
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    });
    this.files = new AttachmentUploads({
      prepare: (payload) => this.request('attachment.prepare', payload),
      cancel: (payload) => this.request('attachment.cancel', payload),
      put: options.putFile ?? xhrPut,
      newId: this.newId,
      onChange: (staged) => this.update({ staged }),
    });
    this.typing = new TypingSender((typing) => {
      const id = this.state.conversation?.id;
      if (id && this.socket.connected) this.socket.emit('typing.set', { conversationId: id, typing });
    });
    this.socket = options.createSocket(() => this.handshake());
    this.bind({
      connect: () => this.update({ connection: 'online', connectionLimited: false }),
      disconnect: (reason: string) => {
        this.update({ connection: 'offline' });
        // The server let go of us (graceful shutdown, kicked): socket.io will not retry by itself.
        if (reason === 'io server disconnect') this.reconnectSoon();
      },
      connect_error: (error: Error & { data?: ErrorPayload }) => this.onConnectError(error),
    });
    this.bind({
      'session.ready': ({ customer, conversations }) => {
        this.refusals = 0;
        if (this.presentedToken && customer === null) this.options.tokens.clear();
        const live = conversations[0];
        if (live) this.adopt(live);
        this.update({ customer, ready: true });
        void this.catchUp();
      },
      'message.created': (message) => this.addMessages([message]),
      'conversation.updated': (conversation) => {
        if (conversation.id === this.state.conversation?.id) this.setConversation(conversation);
      },
      'typing.updated': (typing) => {
        if (typing.side !== 'agent' || typing.conversationId !== this.state.conversation?.id) return;
        clearTimeout(this.agentTypingTimer);
        if (!typing.typing) {
          this.update({ agentTyping: null });
          return;
        }
        this.update({ agentTyping: { name: typing.displayName } });
        this.agentTypingTimer = setTimeout(() => this.update({ agentTyping: null }), typing.ttlMs);
      },
      'receipt.updated': (receipt) => {
        if (receipt.side !== 'agent' || receipt.conversationId !== this.state.conversation?.id) return;
        const { deliveredSeq, readSeq } = this.state.agentReceipts;
        this.update({
          agentReceipts: {
            deliveredSeq: Math.max(deliveredSeq, receipt.deliveredSeq),
            readSeq: Math.max(readSeq, receipt.readSeq),
          },
        });
      },
      'queue.updated': (queue) => {
        if (queue.conversationId === this.state.conversation?.id) this.update({ queue });
      },
      // The server is about to close this socket; the disconnect that follows reconnects us elsewhere.
      'system.shutdown': () => undefined,
    } satisfies Handlers);
    this.socket.connect();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = (): ChatState => this.state;

  /** Called for each message from the agent or the system, once, as it arrives live. */
  onIncoming(listener: (message: MessageView) => void): () => void {
    this.incoming.add(listener);
    return () => void this.incoming.delete(listener);
  }

  /** Starts the customer's chat, or returns the live one (the server keeps one per visitor). */
  async start(prechat: Prechat): Promise<AckResult<AckData<'conversation.start'>>> {
    const result = await this.request('conversation.start', { prechat });
    if (result.ok) {
      if (result.data.visitorToken) this.options.tokens.set(result.data.visitorToken);
      this.update({ customer: result.data.customer, left: null });
      this.adopt(result.data.conversation);
      // Messages stored before our socket joined the room (the greeting) arrive through catch-up.
      await this.catchUp();
    }
    return result;
  }

  /** Sends the text, with the staged file once it is uploaded (the text is then its caption). */
  send(body: string): void {
    const id = this.state.conversation?.id;
    if (!id) return;
    const file = this.files.take();
    if (body === '' && !file) return;
    this.typing.stop();
    this.outbox.enqueue(id, body, false, file?.id);
    this.refreshPending();
  }

  /** Stages a picked, pasted or dropped file and starts uploading it (replaces one staged before). */
  attach(file: File): void {
    const id = this.state.conversation?.id;
    if (id) this.files.add(id, file);
  }

  /** A file pasted or dropped where customer files are off: shown as refused, never uploaded. */
  refuseFile(file: File): void {
    this.files.refuse(file, FILES_OFF);
  }

  /** Uploads the staged file again after a failure (same upload id: one stored copy). */
  retryUpload(): void {
    const id = this.state.conversation?.id;
    if (id) this.files.retry(id);
  }

  /** Cancels the staged file's upload, or removes it (its room in the chat is given back on the server). */
  removeUpload(): void {
    this.files.clear();
  }

  /** "Tap to retry": the same clientMessageId again. */
  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
  }

  /** The customer is typing (call on every input); throttled, and stops by itself. */
  setTyping(active: boolean): void {
    if (active) this.typing.keystroke();
    else this.typing.stop();
  }

  /** Everything shown up to now has been seen (the panel is open and visible). */
  markRead(): void {
    const id = this.state.conversation?.id;
    const seq = this.log?.highestSeq ?? 0;
    if (!id || seq <= this.readSent || !this.socket.connected) return;
    this.readSent = seq;
    this.socket.emit('receipt.update', { conversationId: id, deliveredSeq: seq, readSeq: seq });
  }

  async close(): Promise<AckResult<AckData<'conversation.close'>>> {
    const id = this.state.conversation?.id;
    if (!id) return { ok: false, error: { code: 'NOT_FOUND', message: 'No chat to close.', retryable: false } };
    const result = await this.request('conversation.close', { conversationId: id });
    if (result.ok) this.setConversation(result.data);
    return result;
  }

  /** W5: leave a message instead of waiting; retries reuse one requestId, so it is stored once. */
  async leaveMessage(
    payload: Omit<Payload<'conversation.leaveMessage'>, 'requestId' | 'conversationId'>,
  ): Promise<AckResult<AckData<'conversation.leaveMessage'>>> {
    const waiting = this.state.conversation;
    const result = await this.requestWithRetry('conversation.leaveMessage', {
      ...payload,
      requestId: this.newId(),
      ...(waiting?.status === 'queued' ? { conversationId: waiting.id } : {}),
    });
    if (result.ok) {
      if (result.data.visitorToken) this.options.tokens.set(result.data.visitorToken);
      this.resetConversation();
      this.update({ left: result.data });
    }
    return result;
  }

  requestTranscript(email?: string): Promise<AckResult<AckData<'transcript.request'>>> {
    const id = this.state.conversation?.id ?? '';
    return this.requestWithRetry('transcript.request', {
      conversationId: id,
      requestId: this.newId(),
      ...(email ? { email } : {}),
    });
  }

  rate(rating: number, comment?: string): Promise<AckResult<AckData<'conversation.rate'>>> {
    const id = this.state.conversation?.id ?? '';
    return this.requestWithRetry('conversation.rate', { conversationId: id, rating, ...(comment ? { comment } : {}) });
  }

  /** Leaves the end screen (or the offline confirmation) for a fresh pre-chat form. */
  newChat(): void {
    if (this.state.conversation?.status !== 'closed' && !this.state.left) return;
    this.resetConversation();
    this.update({ left: null });
  }

  /** A signed identity from the host page: reconnect presenting it (X3). */
  setIdentity(identity: CustomerIdentity | null): void {
    if (JSON.stringify(identity) === JSON.stringify(this.identity)) return;
    this.identity = identity;
    this.socket.disconnect();
    this.socket.connect();
  }

  dispose(): void {
    for (const dispose of this.disposables.splice(0)) dispose();
    this.files.clear();
    this.outbox.dispose();
    this.typing.dispose();
    clearTimeout(this.agentTypingTimer);
    this.socket.disconnect();
    this.listeners.clear();
  }

  private handshake(): CustomerHandshake {
    const visitorToken = this.options.tokens.get() ?? undefined;
    this.presentedToken = visitorToken !== undefined && this.identity === null;
    return {
      protocolVersion: PROTOCOL_VERSION,
      ...(this.identity ? { identity: this.identity } : visitorToken ? { visitorToken } : {}),
    };
  }

  private bind(handlers: Record<string, (...args: never[]) => void>): void {
    for (const [event, handler] of Object.entries(handlers)) {
      this.socket.on(event, handler);
      this.disposables.push(() => this.socket.off(event, handler));
    }
  }

  private onConnectError(error: Error & { data?: ErrorPayload }): void {
    const code = error.data?.code;
    if (code !== undefined && FATAL_CODES.has(code)) {
      this.update({ fatal: error.data ?? null, connection: 'offline' });
      return;
    }
    this.update({ connection: 'offline', connectionLimited: code === 'RATE_LIMITED' });
    // A refused identity or token will be refused again: drop it and come back as a new visitor.
    if (code === 'IDENTITY_INVALID' || code === 'VALIDATION_FAILED') {
      this.identity = null;
      this.options.tokens.clear();
      this.reconnectSoon();
    } else if (error.data?.retryable) {
      // Socket.IO never retries a handshake the server refused: come back later, a little
      // later each time (1 s, 2 s, 4 s … 30 s, jittered), so a recovering server is not
      // met by every widget at once.
      const delay = Math.min(30_000, 1_000 * 2 ** this.refusals) * (0.5 + Math.random() / 2);
      this.refusals += 1;
      setTimeout(() => this.socket.connect(), delay);
    }
  }

  private reconnectSoon(): void {
    // A little jitter so a restarting server is not hit by every widget in the same millisecond.
    setTimeout(() => this.socket.connect(), 200 + Math.random() * 800);
  }

  /** Makes a conversation the current one (a resumed or started chat). */
  private adopt(conversation: ConversationView): void {
    if (this.log?.conversationId !== conversation.id) {
      this.log = new ConversationLog(conversation.id);
      this.readSent = 0;
      this.update({ messages: [], queue: null, agentTyping: null, agentReceipts: { deliveredSeq: 0, readSeq: 0 } });
    }
    this.setConversation(conversation);
  }

  private setConversation(conversation: ConversationView): void {
    // Marks only move forward: a stored view may be older than a receipt.updated already seen.
    const stored = conversation.agentReceipts;
    const { deliveredSeq, readSeq } = this.state.agentReceipts;
    const agentReceipts = stored
      ? { deliveredSeq: Math.max(deliveredSeq, stored.deliveredSeq), readSeq: Math.max(readSeq, stored.readSeq) }
      : this.state.agentReceipts;
    this.update({ conversation, agentReceipts, ...(conversation.status === 'queued' ? {} : { queue: null }) });
    if (conversation.status === 'queued' && !this.state.queue) void this.refreshQueue(conversation.id);
  }

  private resetConversation(): void {
    this.log = null;
    this.files.clear();
    this.update({ conversation: null, messages: [], pending: [], queue: null, agentTyping: null });
  }

  private async refreshQueue(conversationId: string): Promise<void> {
    const result = await this.request('queue.status', { conversationId });
    if (result.ok && this.state.conversation?.id === conversationId && this.state.conversation.status === 'queued') {
      this.update({ queue: result.data });
    }
  }

  /** Catch-up from the log's cursor until nothing is missing, then send what waited (X1). */
  private async catchUp(): Promise<void> {
    for (let page = 0; page < 50 && this.log; page += 1) {
      const log = this.log;
      const result = await this.request('conversation.sync', {
        cursors: [{ conversationId: log.conversationId, afterSeq: log.cursor }],
      });
      if (!result.ok || this.log !== log) break;
      for (const view of result.data.conversations) if (view.id === log.conversationId) this.setConversation(view);
      const added = result.data.pages.flatMap((messages) => log.applySyncPage(messages));
      this.publishMessages(added);
      if (!result.data.pages.some((messages) => messages.hasMore)) break;
    }
    this.outbox.flush();
    for (const entry of this.outbox.pending())
      if (entry.state === 'failed' && entry.error?.retryable) this.retry(entry.clientMessageId);
  }

  private addMessages(messages: MessageView[]): void {
    const log = this.log;
    if (!log) return;
    this.publishMessages(messages.filter((message) => log.add(message)));
  }

  private publishMessages(added: MessageView[]): void {
    if (added.length === 0 || !this.log) return;
    this.update({ messages: this.log.list() });
    for (const message of added) {
      if (message.author.kind === 'customer') continue;
      if (message.author.kind === 'agent') this.update({ agentTyping: null });
      for (const listener of this.incoming) listener(message);
    }
  }

  private refreshPending(): void {
    const id = this.state.conversation?.id;
    this.update({ pending: id ? this.outbox.pending(id) : [] });
  }

  private async request<E extends keyof CustomerClientEvents>(
    event: E,
    payload: Payload<E>,
  ): Promise<AckResult<AckData<E>>> {
    try {
      return (await this.socket.timeout(this.ackTimeoutMs).emitWithAck(event, payload)) as AckResult<AckData<E>>;
    } catch {
      return { ok: false, error: TIMEOUT_ERROR };
    }
  }

  /** For requests carrying their own idempotency id: retried while the error says it may work later. */
  private async requestWithRetry<E extends keyof CustomerClientEvents>(
    event: E,
    payload: Payload<E>,
    attempts = 3,
  ): Promise<AckResult<AckData<E>>> {
    let result = await this.request(event, payload);
    for (let attempt = 1; attempt < attempts && !result.ok && result.error.retryable; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      result = await this.request(event, payload);
    }
    return result;
  }

  private update(changes: Partial<ChatState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}
