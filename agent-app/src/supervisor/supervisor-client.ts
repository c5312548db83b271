import type {
  AckResult,
  AgentConversationView,
  BoardSnapshot,
  ConversationView,
  Disposition,
  ErrorPayload,
  IdleSession,
  IdleSessionList,
  LiveConversation,
  LiveConversationList,
  LiveList,
  MessageSent,
  MessageView,
  ObservedConversation,
} from '@switchboard/shared';
import { ConversationLog } from '@switchboard/shared/client';
import type { DeskTransport } from '../desk/transport.js';

/** A refused console request, with the server's error (code for logic, message for people). */
export class SupervisorRequestError extends Error {
  constructor(readonly error: ErrorPayload) {
    super(error.message);
  }
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
 * subscribe/getState; actions answer with the server's refusal as a
 * SupervisorRequestError.
 */
export class SupervisorClient {
  private state: SupervisorState = initialState;
  private readonly listeners = new Set<() => void>();
  private readonly disposables: (() => void)[] = [];
  private readonly logs = new Map<string, ConversationLog>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly transport: DeskTransport,
    private readonly options: { ackTimeoutMs?: number; newId?: () => string } = {},
  ) {
    this.bind({
      connect: () => {
        this.setState({ connection: 'online' });
        void this.refresh();
        // A new socket is in no chat room: observe again what was open.
        for (const id of Object.keys(this.state.observed)) void this.observe(id, false).catch(() => undefined);
      },
      disconnect: () => {
        this.setState({ connection: 'reconnecting' });
      },
      'supervisor.board.updated': (board: BoardSnapshot) => {
        this.setState({ board });
      },
      'conversation.idle': () => {
        this.scheduleIdleRefresh();
      },
      'conversation.idle-cleared': () => {
        this.scheduleIdleRefresh();
      },
      'message.created': (message: MessageView) => {
        this.onMessage(message);
      },
      'conversation.updated': (view: ConversationView) => {
        const chat = this.state.observed[view.id];
        if (chat) this.setObserved(view.id, { ...chat, conversation: { ...chat.conversation, ...view } });
      },
    });
  }

  getState = (): SupervisorState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // ---- reads ----
  async refresh(): Promise<void> {
    const [board, idle] = await Promise.all([
      this.request<BoardSnapshot>('supervisor.board.get', {}),
      this.request<IdleSessionList>('supervisor.idle.list', {}),
    ]);
    this.setState({ board, idle: idle.sessions });
  }

  async liveList(query: LiveList): Promise<LiveConversation[]> {
    return (await this.request<LiveConversationList>('supervisor.live.list', query)).conversations;
  }

  // ---- S2 actions (each answers once the server has done it) ----
  async reassign(conversationId: string, agentId: string): Promise<void> {
    await this.request('supervisor.reassign', { conversationId, agentId });
    this.dropIdle(conversationId);
  }
  async requeue(conversationId: string): Promise<void> {
    await this.request('supervisor.requeue', { conversationId });
    this.dropIdle(conversationId);
  }
  async takeover(conversationId: string): Promise<void> {
    await this.request('supervisor.takeover', { conversationId });
    this.dropIdle(conversationId);
  }
  async close(conversationId: string, disposition: Disposition): Promise<void> {
    await this.request('supervisor.close', { conversationId, disposition });
    this.dropIdle(conversationId);
  }

  // ---- S3 ----
  /** Opens a chat read-only (and focuses it); live messages follow on this socket. */
  async observe(conversationId: string, focus = true): Promise<void> {
    if (focus) this.setState({ focused: conversationId });
    this.apply(await this.request<ObservedConversation>('supervisor.observe', { conversationId }));
  }
  async unobserve(conversationId: string): Promise<void> {
    await this.request('supervisor.unobserve', { conversationId });
    const { [conversationId]: _closed, ...observed } = this.state.observed;
    this.logs.delete(conversationId);
    const focused = this.state.focused === conversationId ? Object.keys(observed)[0] : this.state.focused;
    this.setState({ observed, focused });
  }
  async join(conversationId: string): Promise<void> {
    this.apply(await this.request<ObservedConversation>('supervisor.join', { conversationId }));
  }
  async leave(conversationId: string): Promise<void> {
    this.apply(await this.request<ObservedConversation>('supervisor.leave', { conversationId }));
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
    const clientMessageId = this.options.newId?.() ?? crypto.randomUUID();
    const sent = await this.request<MessageSent>('message.send', {
      conversationId,
      clientMessageId,
      body,
      ...(whisper ? { internal: true } : {}),
    });
    this.onMessage(sent.message);
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    for (const dispose of this.disposables.splice(0)) dispose();
    this.transport.disconnect();
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
      this.request<IdleSessionList>('supervisor.idle.list', {})
        .then((list) => {
          this.setState({ idle: list.sessions });
        })
        .catch(() => undefined);
    }, IDLE_REFRESH_DELAY_MS);
  }

  private setState(change: Partial<SupervisorState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  private bind(handlers: Record<string, (...args: never[]) => void>): void {
    for (const [event, handler] of Object.entries(handlers)) {
      this.transport.on(event, handler);
      this.disposables.push(() => this.transport.off(event, handler));
    }
  }

  private async request<T>(event: string, payload: unknown): Promise<T> {
    const result = (await this.transport
      .timeout(this.options.ackTimeoutMs ?? 8_000)
      .emitWithAck(event, payload)) as AckResult<T>;
    if (!result.ok) throw new SupervisorRequestError(result.error);
    return result.data;
  }
}
