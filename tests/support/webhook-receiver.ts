import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as a receiver must verify it. */
  body: string;
  receivedAt: number;
  /** The status this receiver answered. */
  status: number;
}

/** How a path answers its next request: a status, after a delay. */
export interface Answer {
  status: number;
  delayMs?: number;
}

/**
 * A real HTTP server receiving webhooks on loopback: it records every
 * request (answered or not) and answers each path as the test says, by
 * default 200 at once.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly scripts = new Map<string, (count: number) => Answer>();
  private readonly counts = new Map<string, number>();
  private server: Server | null = null;
  url = '';

  /** Answers `path` with what `script` returns for its n-th request (0-based). */
  answer(path: string, script: (count: number) => Answer): void {
    this.scripts.set(path, script);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const count = this.counts.get(path) ?? 0;
        this.counts.set(path, count + 1);
        const answer = this.scripts.get(path)?.(count) ?? { status: 200 };
        const record: ReceivedDelivery = {
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
          status: answer.status,
        };
        this.received.push(record);
        const reply = () => {
          if (!res.destroyed) res.writeHead(answer.status, { 'content-type': 'text/plain' }).end('ok');
        };
        if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
        else reply();
      });
    });
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Requests to `path`, in arrival order. */
  at(path: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.path === path);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`receiver: condition not met in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
