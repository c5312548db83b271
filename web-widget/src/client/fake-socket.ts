import type { AckResult, ConversationView, CustomerHandshake, MessageView } from '@switchboard/shared';
import type { ChatSocket } from './socket-port';

type Handler = (...args: never[]) => void;
type Answer = AckResult<unknown> | 'drop';

/**
 * A stand-in for socket.io-client plus a tiny server behind it, for unit
 * tests of ChatClient: it stores messages once per clientMessageId with a
 * seq, answers sync from a cursor, and can drop acks or the connection.
 */
export class FakeSocket implements ChatSocket {
  connected = false;
  readonly auths: CustomerHandshake[] = [];
  readonly emitted: { event: string; payload: unknown }[] = [];
  readonly stored: MessageView[] = [];
  /** Acks to drop (the message is still stored), by event name. */
  readonly dropNext = new Map<string, number>();
  /** Answers for other acknowledged events. */
  answers: Record<string, (payload: never) => Answer> = {};
  private readonly handlers = new Map<string, Set<Handler>>();

  constructor(
    private readonly auth: () => CustomerHandshake,
    readonly conversation: ConversationView,
  ) {}

  on(event: string, handler: Handler): this {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler);
    return this;
  }
  off(event: string, handler: Handler): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  emit(event: string, payload?: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }
  timeout(ms: number) {
    return {
      emitWithAck: (event: string, payload: unknown): Promise<unknown> => {
        this.emitted.push({ event, payload });
        const answer = this.connected ? this.answer(event, payload) : 'drop';
        const drops = this.dropNext.get(event) ?? 0;
        if (answer === 'drop' || drops > 0) {
          if (drops > 0) this.dropNext.set(event, drops - 1);
          return new Promise((_, reject) => setTimeout(() => reject(new Error('operation has timed out')), ms));
        }
        return Promise.resolve(answer);
      },
    };
  }
  connect(): this {
    this.auths.push(this.auth());
    this.connected = true;
    this.fire('connect');
    return this;
  }
  disconnect(): this {
    this.drop('io client disconnect');
    return this;
  }

  /** The connection breaks (or the server lets go, with 'io server disconnect'). */
  drop(reason = 'transport close'): void {
    if (!this.connected) return;
    this.connected = false;
    this.fire('disconnect', reason);
  }
  /** An event from the server. */
  fire(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...values: unknown[]) => void)(...args);
  }
  /** A message stored by the other side (an agent), optionally broadcast. */
  storeFromAgent(body: string, broadcast: boolean): MessageView {
    const message = this.store(`agent-${this.stored.length + 1}-id`, body, 'agent');
    if (broadcast && this.connected) this.fire('message.created', message);
    return message;
  }
  sends(): { clientMessageId: string; body: string }[] {
    return this.emitted
      .filter((e) => e.event === 'message.send')
      .map((e) => e.payload as { clientMessageId: string; body: string });
  }

  private store(clientMessageId: string, body: string, kind: 'agent' | 'customer'): MessageView {
    const earlier = this.stored.find((message) => message.clientMessageId === clientMessageId);
    if (earlier) return earlier;
    const seq = this.stored.length + 1;
    const message: MessageView = {
      id: `m${seq}`,
      conversationId: this.conversation.id,
      seq,
      clientMessageId,
      author: { kind },
      body,
      internal: false,
      masked: false,
      createdAt: new Date(0).toISOString(),
    };
    this.stored.push(message);
    return message;
  }

  private answer(event: string, payload: unknown): Answer {
    if (event === 'message.send') {
      const { clientMessageId, body } = payload as { clientMessageId: string; body: string };
      const duplicate = this.stored.some((message) => message.clientMessageId === clientMessageId);
      return { ok: true, data: { message: this.store(clientMessageId, body, 'customer'), duplicate } };
    }
    if (event === 'conversation.sync') {
      const [cursor] = (payload as { cursors: { afterSeq: number }[] }).cursors;
      const messages = this.stored.filter((message) => message.seq > (cursor?.afterSeq ?? 0));
      return {
        ok: true,
        data: {
          conversations: [this.conversation],
          pages: [{ conversationId: this.conversation.id, messages, hasMore: false }],
        },
      };
    }
    const custom = this.answers[event];
    return custom ? custom(payload as never) : { ok: true, data: null };
  }
}
