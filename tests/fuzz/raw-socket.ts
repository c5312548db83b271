import { PROTOCOL_VERSION } from '@switchboard/shared';
import WebSocket from 'ws';

export type ProbeOutcome = 'answered' | 'closed';

/**
 * A Socket.IO client spoken by hand over a raw websocket (Engine.IO v4
 * framing), so tests can send frames no real client would: broken JSON,
 * wrong packet types, bogus attachments, junk bytes.
 */
export class RawSocketIo {
  private closed = false;
  private readonly waiters = new Set<() => void>();
  private readonly frames: string[] = [];

  private constructor(
    private readonly ws: WebSocket,
    readonly namespace: string,
  ) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      const frame = data.toString('utf8');
      // Engine.IO heartbeat: answer the server's ping, or it drops us after pingTimeout.
      if (frame === '2') ws.send('3');
      this.frames.push(frame);
      this.wake();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves with the first frame matching `predicate`, or null once the connection closes first. */
  private next(predicate: (frame: string) => boolean, timeoutMs: number): Promise<string | null> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const index = this.frames.findIndex(predicate);
        if (index >= 0) {
          const [frame] = this.frames.splice(0, index + 1).slice(-1);
          done();
          resolve(frame!);
        } else if (this.closed) {
          done();
          resolve(null);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching frame and no close within ${timeoutMs} ms; last: ${this.frames.at(-1)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Opens an Engine.IO websocket and connects the namespace with a valid handshake. */
  static async open(baseUrl: string, namespace = '/customer'): Promise<RawSocketIo> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const client = new RawSocketIo(ws, namespace);
    if ((await client.next((frame) => frame.startsWith('0{'), 10_000)) === null) throw new Error('engine refused');
    ws.send(`40${namespace},${JSON.stringify({ protocolVersion: PROTOCOL_VERSION })}`);
    const connected = await client.next((frame) => frame.startsWith(`40${namespace},`), 10_000);
    if (connected === null) throw new Error('namespace refused');
    return client;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(frame: string | Buffer): void {
    if (!this.closed) this.ws.send(frame);
  }

  /** Sends `system.ping` with ack id `id`: 'answered' with a correct ack, 'closed' if the server dropped us. */
  async probe(id: number, timeoutMs = 15_000): Promise<ProbeOutcome> {
    const prefix = `43${this.namespace},${id}[`;
    this.send(`42${this.namespace},${id}${JSON.stringify(['system.ping', { sentAt: id }])}`);
    const frame = await this.next((candidate) => candidate.startsWith(prefix), timeoutMs);
    if (frame === null) return 'closed';
    const [ack] = JSON.parse(frame.slice(prefix.length - 1)) as [{ ok: boolean; data?: { sentAt: number } }];
    if (!ack.ok || ack.data?.sentAt !== id) throw new Error(`wrong ack to the probe: ${frame}`);
    return 'answered';
  }

  close(): void {
    this.closed = true;
    this.ws.terminate();
  }
}
