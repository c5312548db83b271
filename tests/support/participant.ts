import { randomUUID } from 'node:crypto';
import {
  SYNC_MAX_CURSORS,
  type AckResult,
  type ConversationSynced,
  type MessageSent,
  type MessageView,
} from '@switchboard/shared';
import { ConversationLog } from '@switchboard/shared/client';
import type { Socket } from 'socket.io-client';

/**
 * A chat participant as our clients behave: a ConversationLog per
 * conversation, catch-up from the log's cursor on every (re)connect, and a
 * record of every broadcast so tests can count duplicates.
 */
export abstract class TestParticipant {
  socket!: Socket;
  readonly logs = new Map<string, ConversationLog>();
  /** Every message.created received, duplicates included. */
  readonly received: MessageView[] = [];
  /** Every other event received, by name. */
  readonly events: { event: string; payload: unknown }[] = [];
  /** How long a request waits for its ack (bursts queue behind each other on one socket). */
  ackTimeoutMs = 10_000;

  log(conversationId: string): ConversationLog {
    let log = this.logs.get(conversationId);
    if (!log) {
      log = new ConversationLog(conversationId);
      this.logs.set(conversationId, log);
    }
    return log;
  }

  /** Wires the recording listeners on a freshly created socket. */
  protected listen(socket: Socket): void {
    this.socket = socket;
    socket.on('message.created', (message: MessageView) => {
      this.received.push(message);
      this.log(message.conversationId).add(message);
    });
    socket.onAny((event: string, payload: unknown) => {
      if (event !== 'message.created') this.events.push({ event, payload });
    });
  }

  disconnect(): void {
    this.socket.disconnect();
  }

  request<T>(event: string, payload: unknown): Promise<AckResult<T>> {
    return this.socket.timeout(this.ackTimeoutMs).emitWithAck(event, payload) as Promise<AckResult<T>>;
  }

  async send(
    conversationId: string,
    body: string,
    options: { clientMessageId?: string; internal?: boolean } = {},
  ): Promise<AckResult<MessageSent>> {
    const result = await this.request<MessageSent>('message.send', {
      conversationId,
      clientMessageId: options.clientMessageId ?? randomUUID(),
      body,
      ...(options.internal ? { internal: true } : {}),
    });
    if (result.ok) this.log(conversationId).add(result.data.message);
    return result;
  }

  /**
   * Catch-up from each log's cursor until nothing more is waiting, in
   * batches of the protocol's limit, as the agent app does: a desk that has
   * held more chats than that in a long run must still catch up.
   */
  async sync(): Promise<void> {
    const held = [...this.logs.keys()];
    for (let start = 0; start < held.length; start += SYNC_MAX_CURSORS) {
      const batch = held.slice(start, start + SYNC_MAX_CURSORS);
      for (let more = true; more;) {
        const cursors = batch.map((conversationId) => ({ conversationId, afterSeq: this.log(conversationId).cursor }));
        const result = await this.request<ConversationSynced>('conversation.sync', { cursors });
        if (!result.ok) throw new Error(`sync failed: ${result.error.code}`);
        more = false;
        for (const page of result.data.pages) {
          this.log(page.conversationId).applySyncPage(page);
          more ||= page.hasMore;
        }
      }
    }
  }

  bodies(conversationId: string): string[] {
    return this.log(conversationId)
      .list()
      .map((message) => message.body);
  }

  /** What people wrote in it (customer and agents), without the system's lines such as the welcome. */
  written(conversationId: string): string[] {
    return this.log(conversationId)
      .list()
      .filter((message) => message.author.kind !== 'system')
      .map((message) => message.body);
  }

  /** Resolves when `predicate` holds (polled, bounded). */
  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
