import type {
  AgentConversationView,
  BoardSnapshot,
  Disposition,
  IdleSession,
  LiveConversation,
  LiveList,
  MessageView,
  ObservedConversation,
} from '@switchboard/shared';
import {
  ConversationLog,
  ProtocolClient,
  SnapshotStore,
  request,
  type SocketFactory,
} from '@switchboard/shared/client';
import type { AgentProtocol } from '../api/agent-socket.js';

export interface SupervisorClientOptions {
  createSocket: SocketFactory;
  ackTimeoutMs?: number;
  newId?: () => string;
}

/** A chat open in the Observe section. */
export interface ObservedChat {
  conversation: AgentConversationView;
  messages: readonly MessageView[];
  joined: boolean;
}

export interface SupervisorState {
  connection: 'connecting' | 'online' | 'reconnecting';
  board: BoardSnapshot | null;
  idle: readonly IdleSession[];
  observed: Readonly<Record<string, ObservedChat>>;
  /** The chat the Observe section shows; set when a chat is opened from the board or the idle list. */
  focused: string | undefined;
}

const initialState: SupervisorState = {
  connection: 'connecting',
  board: null,
  idle: [],
  observed: {},
  focused: undefined,
};

/** Idle flags arrive one by one; the list is re-read once per burst. */
const IDLE_REFRESH_DELAY_MS = 150;

/**
 * The console's connection: its own `/agent` socket, so observed chats never
 * reach the desk (which adopts every chat its socket hears about), and the
 * only code that talks to it. React reads immutable snapshots through
 * subscribe/getState; actions reject with the server's refusal as an AppError.
 */
export class SupervisorClient {
  private readonly store = new SnapshotStore<SupervisorState>(initialState);
  private readonly protocol: AgentProtocol;
  private readonly logs = new Map<string, ConversationLog>();
  private readonly newId: () => string;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  readonly getState = this.store.get;
  readonly subscribe = this.store.subscribe;

  constructor(options: SupervisorClientOptions) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.protocol = new ProtocolClient({
      createSocket: options.createSocket,
      ackTimeoutMs: options.ackTimeoutMs ?? 8_000,
    });
    this.protocol.on({
      connect: () => {
        this.setState({ connection: 'online' });
        void this.refresh();
        // A new socket is in no chat room: observe again what was open.
        for (const id of Object.keys(this.state.observed)) void this.observe(id, false).catch(() => undefined);
      },
      disconnect: (reason) => {
        this.setState({ connection: 'reconnecting' });
        // The server let go of us on purpose (a restart, a deploy): Socket.IO leaves the
        // reconnecting to us, and a console left offline would show a frozen board.
        if (reason === 'io server disconnect') this.protocol.connect();
      },
      // Refused for now (busy, database away): the protocol client tries again, so say so meanwhile.
      // A refusal for good (session expired) is the desk's to handle: it takes the agent to sign in.
      connect_error: (error) => {
        if (error.data?.retryable) this.setState({ connection: 'reconnecting' });
      },
      'supervisor.board.updated': (board) => {
        this.setState({ board });
      },
      'conversation.idle': () => {
        this.scheduleIdleRefresh();
      },
      'conversation.idle-cleared': () => {
        this.scheduleIdleRefresh();
      },
      'message.created': (message) => {
        this.onMessage(message);
      },
      'conversation.updated': (view) => {
        const chat = this.state.observed[view.id];
        if (chat) this.setObserved(view.id, { ...chat, conversation: { ...chat.conversation, ...view } });
      },
    });
    this.protocol.connect();
  }

  // ---- reads ----
  async refresh(): Promise<void> {
    const [board, idle] = await Promise.all([
      request(this.protocol, 'supervisor.board.get', {}),
      request(this.protocol, 'supervisor.idle.list', {}),
    ]);
    this.setState({ board, idle: idle.sessions });
  }

  async liveList(query: LiveList): Promise<LiveConversation[]> {
    return (await request(this.protocol, 'supervisor.live.list', query)).conversations;
  }

  // ---- actions on a chat (each answers once the server has done it) ----
  async reassign(conversationId: string, agentId: string): Promise<void> {
    await request(this.protocol, 'supervisor.reassign', { conversationId, agentId });
    this.dropIdle(conversationId);
  }
  async requeue(conversationId: string): Promise<void> {
    await request(this.protocol, 'supervisor.requeue', { conversationId });
    this.dropIdle(conversationId);
  }
  async takeover(conversationId: string): Promise<void> {
    await request(this.protocol, 'supervisor.takeover', { conversationId });
    this.dropIdle(conversationId);
  }
  async close(conversationId: string, disposition: Disposition): Promise<void> {
    await request(this.protocol, 'supervisor.close', { conversationId, disposition });
    this.dropIdle(conversationId);
  }

  // ---- observing, joining, whispering ----
  /** Opens a chat read-only (and focuses it); live messages follow on this socket. */
  async observe(conversationId: string, focus = true): Promise<void> {
    if (focus) this.setState({ focused: conversationId });
    this.apply(await request(this.protocol, 'supervisor.observe', { conversationId }));
  }
  async unobserve(conversationId: string): Promise<void> {
    await request(this.protocol, 'supervisor.unobserve', { conversationId });
    const { [conversationId]: _closed, ...observed } = this.state.observed;
    this.logs.delete(conversationId);
    const focused = this.state.focused === conversationId ? Object.keys(observed)[0] : this.state.focused;
    this.setState({ observed, focused });
  }
  async join(conversationId: string): Promise<void> {
    this.apply(await request(this.protocol, 'supervisor.join', { conversationId }));
  }
  async leave(conversationId: string): Promise<void> {
    this.apply(await request(this.protocol, 'supervisor.leave', { conversationId }));
  }
  focus(conversationId: string): void {
    this.setState({ focused: conversationId });
  }
  /**
   * A message from a supervisor who joined, or (`whisper`) an internal note
   * only the chat's agents see, joined or not: the customer is never told.
   * Stored before the ack, shown when it comes back.
   */
  async send(conversationId: string, body: string, whisper = false): Promise<void> {
    const sent = await request(this.protocol, 'message.send', {
      conversationId,
      clientMessageId: this.newId(),
      body,
      ...(whisper ? { internal: true } : {}),
    });
    this.onMessage(sent.message);
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    this.protocol.dispose();
  }

  // ---- internals ----
  private apply({ conversation, page, joined }: ObservedConversation): void {
    const log = this.logs.get(conversation.id) ?? new ConversationLog(conversation.id);
    this.logs.set(conversation.id, log);
    log.applySyncPage({ ...page, hasMore: false });
    this.setObserved(conversation.id, { conversation, messages: log.list(), joined });
  }

  private onMessage(message: MessageView): void {
    const log = this.logs.get(message.conversationId);
    const chat = this.state.observed[message.conversationId];
    if (!log || !chat || !log.add(message)) return;
    this.setObserved(message.conversationId, { ...chat, messages: log.list() });
  }

  private setObserved(id: string, chat: ObservedChat): void {
    this.setState({ observed: { ...this.state.observed, [id]: chat } });
  }

  private dropIdle(conversationId: string): void {
    this.setState({ idle: this.state.idle.filter((session) => session.conversationId !== conversationId) });
  }

  private scheduleIdleRefresh(): void {
    if (this.idleTimer !== undefined) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      request(this.protocol, 'supervisor.idle.list', {})
        .then((list) => {
          this.setState({ idle: list.sessions });
        })
        .catch(() => undefined);
    }, IDLE_REFRESH_DELAY_MS);
  }

  private get state(): SupervisorState {
    return this.store.get();
  }

  private setState(change: Partial<SupervisorState>): void {
    this.store.update(change);
  }
}
