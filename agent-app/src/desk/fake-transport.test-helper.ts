import type { AckResult } from '@switchboard/shared';
import type { DeskTransport } from './transport.js';

type Responder = (payload: unknown) => AckResult<unknown> | Promise<AckResult<unknown>> | 'no-ack';

/** A Socket.IO stand-in for unit tests: the test plays the server. */
export class FakeTransport implements DeskTransport {
  connected = true;
  readonly emitted: { event: string; payload: unknown }[] = [];
  readonly requests: { event: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, Set<(...args: never[]) => void>>();
  private readonly responders = new Map<string, Responder>();
  disconnects = 0;

  on(event: string, listener: (...args: never[]) => void): this {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener: (...args: never[]) => void): this {
    this.handlers.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, payload?: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }

  timeout(): { emitWithAck(event: string, payload: unknown): Promise<unknown> } {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.requests.push({ event, payload });
        const answer = await this.responders.get(event)?.(payload);
        if (answer === undefined || answer === 'no-ack') throw new Error('operation has timed out');
        return answer;
      },
    };
  }

  connect(): this {
    this.connected = true;
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.disconnects += 1;
    return this;
  }

  /** How the fake server answers an acknowledged event. */
  respond(event: string, responder: Responder): void {
    this.responders.set(event, responder);
  }

  /** The server emits an event to the client. */
  serverEmit(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }

  listenerCount(): number {
    let count = 0;
    for (const set of this.handlers.values()) count += set.size;
    return count;
  }
}
