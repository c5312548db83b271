import type {
  AckResult,
  ConversationRated,
  ConversationStarted,
  ConversationView,
  CustomerClientEvents,
  CustomerHandshake,
  CustomerIdentity,
  CustomerServerEvents,
  ErrorCode,
  ErrorPayload,
  LeaveMessage,
  MessageLeft,
  MessageView,
  Prechat,
  TranscriptRequested,
} from '@switchboard/shared';
import {
  ConversationLog,
  Outbox,
  ProtocolClient,
  SnapshotStore,
  TypingSender,
  catchUp,
  type AttachmentUploads,
  type EventHandlers,
  type PutFile,
  type SocketFactory,
} from '@switchboard/shared/client';
import { initialChatState, type ChatState } from './chat-state';
import type { TokenStore } from './token-store';

/** What the widget's handshake carries beside the protocol version: a signed identity, or the stored visitor token. */
export type CustomerAuth = Omit<CustomerHandshake, 'protocolVersion'>;

export interface ChatClientOptions {
  createSocket: SocketFactory<CustomerAuth>;
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

/** Refusals a reconnect cannot fix: show them instead of retrying for ever. */
const FATAL_CODES = new Set<ErrorCode>(['ORIGIN_NOT_ALLOWED', 'PROTOCOL_VERSION_UNSUPPORTED', 'VISITOR_BLOCKED']);

/**
 * The widget's connection to Switchboard, on the shared protocol client.
 * Keeps the promises the product makes: a message is sent once even when
 * retried (Outbox, same clientMessageId), shown once and in order
 * (ConversationLog), caught up after every reconnect (sync from the log's
 * cursor), and the chat resumes after a reload from the stored visitor
 * token. React reads it through `subscribe`/`getSnapshot`; components never
 * see the socket.
 */
export class ChatClient {
  private readonly store = new SnapshotStore<ChatState>(initialChatState);
  private readonly incoming = new Set<(message: MessageView) => void>();
  private readonly protocol: ProtocolClient<CustomerServerEvents, CustomerClientEvents, CustomerAuth>;
  private readonly outbox: Outbox;
  private readonly typing: TypingSender;
  /** The staged file's upload, made with the first file (its code comes with the chat screens). */
  private files: AttachmentUploads | null = null;
  private filesLoaded: Promise<AttachmentUploads> | undefined;
  private log: ConversationLog | null = null;
  private identity: CustomerIdentity | null;
  private presentedToken = false;
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * `conversation.updated` for a chat this client has not adopted yet: routing
   * can assign a chat the moment it is created, and that update may reach us
   * before the start's answer, which carries the chat as it was created.
   */
  private readonly earlyViews = new Map<string, ConversationView>();
  private readSent = 0;
  private readonly newId: () => string;

  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.get;

  constructor(private readonly options: ChatClientOptions) {
    this.identity = options.identity ?? null;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.protocol = new ProtocolClient({
      createSocket: options.createSocket,
      handshake: () => this.handshake(),
      ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
    });
    this.outbox = new Outbox({
      // Offline, fail fast: the outbox backs off and `flush()` on reconnect sends at once.
      send: (payload) =>
        this.protocol.connected ? this.protocol.ack('message.send', payload) : Promise.reject(new Error('offline')),
      newId: this.newId,
      onChange: (entry) => {
        if (entry.message) this.addMessages([entry.message]);
        this.refreshPending();
      },
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    });
    this.typing = new TypingSender((typing) => {
      const id = this.state.conversation?.id;
      if (id && this.protocol.connected) this.protocol.emit('typing.set', { conversationId: id, typing });
    });
    this.protocol.on({
      connect: () => this.update({ connection: 'online', connectionLimited: false }),
      disconnect: (reason) => {
        this.update({ connection: 'offline' });
        // The server let go of us (graceful shutdown, kicked): socket.io will not retry by itself.
        if (reason === 'io server disconnect') this.reconnectSoon();
      },
      connect_error: (error) => this.onConnectError(error),
      'session.ready': ({ customer, conversations }) => {
        if (this.presentedToken && customer === null) this.options.tokens.clear();
        const live = conversations[0];
        if (live) this.adopt(live);
        this.update({ customer, ready: true });
        void this.catchUpThenFlush();
      },
      'message.created': (message) => this.addMessages([message]),
      'conversation.updated': (conversation) => {
        if (conversation.id === this.state.conversation?.id) this.setConversation(conversation);
        else this.earlyViews.set(conversation.id, conversation);
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
    } satisfies Required<EventHandlers<CustomerServerEvents>>);
    this.protocol.connect();
  }

  /** Called for each message from the agent or the system, once, as it arrives live. */
  onIncoming(listener: (message: MessageView) => void): () => void {
    this.incoming.add(listener);
    return () => void this.incoming.delete(listener);
  }

  /** Starts the customer's chat, or returns the live one (the server keeps one per visitor). */
  async start(prechat: Prechat): Promise<AckResult<ConversationStarted>> {
    const result = await this.protocol.ask('conversation.start', { prechat });
    if (result.ok) {
      if (result.data.visitorToken) this.options.tokens.set(result.data.visitorToken);
      this.update({ customer: result.data.customer, left: null });
      this.adopt(result.data.conversation);
      // Messages stored before our socket joined the room (the greeting) arrive through catch-up.
      await this.catchUpThenFlush();
    }
    return result;
  }

  /** Sends the text, with the staged file once it is uploaded (the text is then its caption). */
  send(body: string): void {
    const id = this.state.conversation?.id;
    if (!id) return;
    const file = this.files?.take();
    if (body === '' && !file) return;
    this.typing.stop();
    this.outbox.enqueue(id, body, false, file?.id);
    this.refreshPending();
  }

  /** Stages a picked, pasted or dropped file and starts uploading it (replaces one staged before). */
  attach(file: File): void {
    const id = this.state.conversation?.id;
    if (!id) return;
    void this.uploads().then((files) => {
      if (this.state.conversation?.id === id) files.add(id, file);
    });
  }

  /** A file pasted or dropped where customer files are off: shown as refused, never uploaded. */
  refuseFile(file: File): void {
    void this.uploads().then((files) => {
      files.refuse(file, FILES_OFF);
    });
  }

  /** Uploads the staged file again after a failure (same upload id: one stored copy). */
  retryUpload(): void {
    const id = this.state.conversation?.id;
    if (id) this.files?.retry(id);
  }

  /** Cancels the staged file's upload, or removes it (its room in the chat is given back on the server). */
  removeUpload(): void {
    this.files?.clear();
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
    if (!id || seq <= this.readSent || !this.protocol.connected) return;
    this.readSent = seq;
    this.protocol.emit('receipt.update', { conversationId: id, deliveredSeq: seq, readSeq: seq });
  }

  async close(): Promise<AckResult<ConversationView>> {
    const id = this.state.conversation?.id;
    if (!id) return { ok: false, error: { code: 'NOT_FOUND', message: 'No chat to close.', retryable: false } };
    const result = await this.protocol.ask('conversation.close', { conversationId: id });
    if (result.ok) this.setConversation(result.data);
    return result;
  }

  /** Leaves a message instead of waiting; retries reuse one requestId, so it is stored once. */
  async leaveMessage(payload: Omit<LeaveMessage, 'requestId' | 'conversationId'>): Promise<AckResult<MessageLeft>> {
    const waiting = this.state.conversation;
    const result = await this.protocol.askWithRetry('conversation.leaveMessage', {
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

  requestTranscript(email?: string): Promise<AckResult<TranscriptRequested>> {
    const id = this.state.conversation?.id ?? '';
    return this.protocol.askWithRetry('transcript.request', {
      conversationId: id,
      requestId: this.newId(),
      ...(email ? { email } : {}),
    });
  }

  rate(rating: number, comment?: string): Promise<AckResult<ConversationRated>> {
    const id = this.state.conversation?.id ?? '';
    return this.protocol.askWithRetry('conversation.rate', {
      conversationId: id,
      rating,
      ...(comment ? { comment } : {}),
    });
  }

  /** Leaves the end screen (or the offline confirmation) for a fresh pre-chat form. */
  newChat(): void {
    if (this.state.conversation?.status !== 'closed' && !this.state.left) return;
    this.resetConversation();
    this.update({ left: null });
  }

  /** A signed identity from the host page: reconnect presenting it. */
  setIdentity(identity: CustomerIdentity | null): void {
    if (JSON.stringify(identity) === JSON.stringify(this.identity)) return;
    this.identity = identity;
    this.protocol.disconnect();
    this.protocol.connect();
  }

  dispose(): void {
    this.protocol.dispose();
    this.files?.clear();
    this.outbox.dispose();
    this.typing.dispose();
    clearTimeout(this.agentTypingTimer);
    this.store.dispose();
  }

  private get state(): ChatState {
    return this.store.get();
  }

  private update(changes: Partial<ChatState>): void {
    this.store.update(changes);
  }

  private handshake(): CustomerAuth {
    const visitorToken = this.options.tokens.get() ?? undefined;
    this.presentedToken = visitorToken !== undefined && this.identity === null;
    return this.identity ? { identity: this.identity } : visitorToken ? { visitorToken } : {};
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
    }
    // A refusal for now (busy, database away) is tried again by the protocol client, a little later each time.
  }

  private reconnectSoon(): void {
    // A little jitter so a restarting server is not hit by every widget in the same millisecond.
    setTimeout(() => this.protocol.connect(), 200 + Math.random() * 800);
  }

  /** Makes a conversation the current one (a resumed or started chat), or a later view of it that came first. */
  private adopt(answered: ConversationView): void {
    const early = this.earlyViews.get(answered.id);
    this.earlyViews.clear();
    const conversation = early && isLater(early, answered) ? early : answered;
    if (this.log?.conversationId !== conversation.id) {
      this.log = new ConversationLog(conversation.id);
      this.readSent = 0;
      this.update({ messages: [], queue: null, agentTyping: null, agentReceipts: { deliveredSeq: 0, readSeq: 0 } });
    }
    this.setConversation(conversation);
  }

  private setConversation(conversation: ConversationView): void {
    const current = this.state.conversation;
    // A catch-up's view read before a change whose broadcast came first: the broadcast stands.
    if (current?.id === conversation.id && isLater(current, conversation)) return;
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
    this.files?.clear();
    this.update({ conversation: null, messages: [], pending: [], queue: null, agentTyping: null });
  }

  private uploads(): Promise<AttachmentUploads> {
    this.filesLoaded ??= import('./uploads').then(({ AttachmentUploads, xhrPut }) => {
      this.files = new AttachmentUploads({
        prepare: (payload) => this.protocol.ask('attachment.prepare', payload),
        cancel: (payload) => this.protocol.ask('attachment.cancel', payload),
        put: this.options.putFile ?? xhrPut,
        newId: this.newId,
        onChange: (staged) => this.update({ staged }),
      });
      return this.files;
    });
    return this.filesLoaded;
  }

  private async refreshQueue(conversationId: string): Promise<void> {
    const result = await this.protocol.ask('queue.status', { conversationId });
    if (result.ok && this.state.conversation?.id === conversationId && this.state.conversation.status === 'queued') {
      this.update({ queue: result.data });
    }
  }

  /** Catch-up from the log's cursor until nothing is missing, then send what waited. */
  private async catchUpThenFlush(): Promise<void> {
    const log = this.log;
    if (log) {
      await catchUp([log], {
        sync: async (payload) => {
          const result = await this.protocol.ask('conversation.sync', payload);
          // A chat left or replaced meanwhile: its pages are not wanted any more.
          return result.ok && this.log === log ? result.data : undefined;
        },
        onSynced: ({ conversations }, added) => {
          for (const view of conversations) if (view.id === log.conversationId) this.setConversation(view);
          this.publishMessages(added);
        },
        maxRounds: 50,
      });
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
}

/** Whether `a` is a later state of the same chat than `b` (views without `rev` come from older servers: equal). */
function isLater(a: ConversationView, b: ConversationView): boolean {
  return (a.rev ?? 0) > (b.rev ?? 0);
}
