import type {
  ConversationSync,
  ConversationView,
  CustomerHandshake,
  MessageSend,
  MessageView,
} from '@switchboard/shared';
import { FakeTransport } from '@switchboard/shared/testing';

/**
 * A tiny customer-side server behind the shared fake transport, for the chat
 * client's unit tests: it stores a message once per clientMessageId with the
 * next seq (a retry gets the original back), answers sync from a cursor, and
 * can lose acks while still storing the message.
 */
export class FakeChatServer {
  readonly transport = new FakeTransport<CustomerHandshake>();
  readonly stored: MessageView[] = [];
  /** `message.send` acks to lose (the message is still stored), as when the network drops them. */
  lostSendAcks = 0;

  constructor(readonly conversation: ConversationView) {
    this.transport.respond('message.send', ({ clientMessageId, body }: MessageSend) => {
      const duplicate = this.stored.some((message) => message.clientMessageId === clientMessageId);
      const message = this.store(clientMessageId, body, 'customer');
      if (this.lostSendAcks > 0) {
        this.lostSendAcks -= 1;
        return 'no-ack';
      }
      return { ok: true, data: { message, duplicate } };
    });
    this.transport.respond('conversation.sync', ({ cursors: [cursor] }: ConversationSync) => ({
      ok: true,
      data: {
        conversations: [this.conversation],
        pages: [
          {
            conversationId: this.conversation.id,
            messages: this.stored.filter((message) => message.seq > (cursor?.afterSeq ?? 0)),
            hasMore: false,
          },
        ],
      },
    }));
  }

  /** A message stored by the agent's side, broadcast to the widget or not (it then needs the catch-up). */
  storeFromAgent(body: string, broadcast: boolean): MessageView {
    const message = this.store(`agent-${this.stored.length + 1}-id`, body, 'agent');
    if (broadcast && this.transport.connected) this.transport.serverEmit('message.created', message);
    return message;
  }

  /** Every `message.send` attempt the client made. */
  sends(): MessageSend[] {
    return this.transport.requests.filter((r) => r.event === 'message.send').map((r) => r.payload as MessageSend);
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
}
