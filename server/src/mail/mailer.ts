import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Config } from '../config/config.js';
import type { Logger } from '../infra/logger.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@domain>`: the same on every attempt of one email, so duplicates are recognisable. */
  messageId: string;
  language: string;
  /** Where the customer's answer goes (the support mailbox): set on emails they are meant to answer. */
  replyTo?: string;
  /** The sender's name customers know (the brand's); used when MAIL_FROM does not set the sender. */
  fromName?: string | null;
  /** Threading: the Message-IDs this email answers, so a case's emails stay one conversation in mail clients. */
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message (or the file is written); throws an {@link SmtpError} otherwise. */
  send(mail: OutgoingMail): Promise<{ response: string }>;
  /** The domain of the sender address, for Message-IDs. */
  readonly domain: string;
  close(): void;
}

/** A refusal or failure while sending; `permanent` for 5xx answers (retrying will not help). */
export class SmtpError extends Error {
  override readonly name = 'SmtpError';
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function toSmtpError(error: unknown): SmtpError {
  const { responseCode, response, message } = (error ?? {}) as {
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const text = typeof response === 'string' ? response : typeof message === 'string' ? message : String(error);
  return new SmtpError(text.slice(0, 500), typeof responseCode === 'number' && responseCode >= 500, { cause: error });
}

/** The sender address when MAIL_FROM is unset, and its name when the brand has none. */
export const DEFAULT_SENDER = { name: 'Switchboard Support', address: 'support@switchboard.localhost' } as const;

/** The sender as configured: MAIL_FROM when set, else the brand's name (or ours) at the default address. */
export function senderOf(mailFrom: string | undefined): string {
  return mailFrom ?? `${DEFAULT_SENDER.name} <${DEFAULT_SENDER.address}>`;
}

/**
 * The From of one email: MAIL_FROM as the operator wrote it, else the
 * brand's name (an object, so nodemailer quotes and encodes it: a name is
 * never read as an address or a header).
 */
function fromFor(mailFrom: string | undefined, fromName: string | null | undefined) {
  return mailFrom ?? { name: fromName ?? DEFAULT_SENDER.name, address: DEFAULT_SENDER.address };
}

export function mailDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain === undefined || domain === '' ? 'localhost' : domain;
}

/**
 * SMTP when SMTP_URL is set, one connection per message (a worker that dies
 * mid-send leaves nothing pooled behind). Without it, each message is written
 * as `<Message-ID>.eml` under MAIL_OUTBOX_DIR, so a developer can open it;
 * a retry overwrites the same file.
 */
export function createMailer(
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_OUTBOX_DIR' | 'NODE_ENV'>,
  logger: Logger,
): Mailer {
  const domain = mailDomain(senderOf(config.MAIL_FROM));
  const base = { from: senderOf(config.MAIL_FROM) };
  const message = ({ fromName, ...mail }: OutgoingMail) => ({ ...mail, from: fromFor(config.MAIL_FROM, fromName) });
  if (config.SMTP_URL) {
    // Bounded waits: a hung SMTP server fails the attempt (and it is retried) instead of holding the job forever.
    const transport = createTransport(
      { url: config.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 },
      base,
    );
    return {
      domain,
      async send(mail) {
        try {
          const info = await transport.sendMail(message(mail));
          return { response: info.response };
        } catch (error) {
          throw toSmtpError(error);
        }
      },
      close: () => transport.close(),
    };
  }
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, base);
  const outbox = outboxDir(config);
  logger.info({ outbox }, 'SMTP_URL is not set: emails are written to the outbox folder');
  return {
    domain,
    async send(mail) {
      const info = await transport.sendMail(message(mail));
      await mkdir(outbox, { recursive: true });
      await writeFile(outboxFile(outbox, mail.messageId), info.message as Buffer);
      return { response: `written to ${outbox}` };
    },
    close: () => transport.close(),
  };
}

/** Where emails are written without SMTP_URL. */
export function outboxDir(config: Pick<Config, 'MAIL_OUTBOX_DIR' | 'NODE_ENV'>): string {
  return path.resolve(
    config.MAIL_OUTBOX_DIR ??
      (config.NODE_ENV === 'test' ? path.join(tmpdir(), 'switchboard-outbox') : path.join('.data', 'outbox')),
  );
}

/** The outbox copy of the email with this Message-ID (erasure deletes it). */
export function outboxFile(outbox: string, messageId: string): string {
  return path.join(outbox, `${messageId.replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`);
}
