import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  /** The Message-ID header, with its angle brackets. */
  messageId: string;
  to: string[];
}

type Plan = { kind: 'reject'; code: number; text: string } | { kind: 'hold'; release: Promise<void> };

/**
 * A real SMTP server on loopback for integration tests (the `smtp-server`
 * package): records every accepted message, and can refuse the next attempts
 * with a 4xx/5xx answer or hold one mid-DATA (to kill the sender meanwhile).
 */
export class SmtpListener {
  readonly received: ReceivedMail[] = [];
  /** DATA commands seen, accepted or not. */
  attempts = 0;
  private plans: Plan[] = [];
  private closedSessions = new Set<string>();
  private holding: (() => void)[] = [];

  private constructor(
    private server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<SmtpListener> {
    // Set before any connection can arrive: the server calls these only once listening.
    const self: { listener?: SmtpListener } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        self.listener?.onData(stream, session, callback);
      },
      onClose: (session) => {
        self.listener?.closedSessions.add(session.id);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    const { port } = server.server.address() as AddressInfo;
    const listener = new SmtpListener(server, `smtp://127.0.0.1:${port}`);
    self.listener = listener;
    return listener;
  }

  /** Refuses the next `count` messages with this SMTP reply code (4xx: try again later). */
  rejectNext(count: number, code = 451, text = 'Temporary local problem, try again'): void {
    for (let i = 0; i < count; i += 1) this.plans.push({ kind: 'reject', code, text });
  }

  /**
   * Holds the next message after its data arrived, without answering, until
   * `release()`; `arrived` resolves once a sender is waiting there. If the
   * sender's connection drops first, the message is not accepted.
   */
  holdNext(): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => this.holding.push(resolve));
    this.plans.push({ kind: 'hold', release: released });
    return { arrived, release };
  }

  private onData(
    stream: NodeJS.ReadableStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): void {
    this.attempts += 1;
    const plan = this.plans.shift();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      void (async () => {
        if (plan?.kind === 'reject') {
          callback(Object.assign(new Error(plan.text), { responseCode: plan.code }));
          return;
        }
        if (plan?.kind === 'hold') {
          this.holding.shift()?.();
          await plan.release;
          if (this.closedSessions.has(session.id)) return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        this.received.push({
          raw,
          parsed,
          messageId: parsed.messageId ?? '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        });
        callback(null);
      })();
    });
  }

  /** Messages accepted for one recipient. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('SMTP condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async close(): Promise<void> {
    for (const resolve of this.holding) resolve();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
