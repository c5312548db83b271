import proxyAddr from 'proxy-addr';
import { DEFAULT_ATTACHMENT_TYPES } from '@switchboard/shared';
import { z } from 'zod';
import { bytesFromEnv, typeListFromEnv } from './attachment-env.js';
import { durationFromEnv } from './duration.js';
import { fileStoreEnv, fileStoreProblems } from './file-store-env.js';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Which reverse proxies' `X-Forwarded-*` headers are believed. `false`: none
 * (the peer address is the client). A number: that many proxies stand in front
 * of the server, so the client is the entry that many hops from the right of
 * `X-Forwarded-For` (`true` means 1, one nginx). A list: the proxies' addresses
 * or CIDRs (or `loopback`, `linklocal`, `uniquelocal`); the client is the
 * right-most entry not on the list. Never "trust everything": the left-most
 * entry is whatever the client wrote, and limits keyed on it can be dodged.
 */
export type TrustProxy = false | number | string[];

const trustProxyFromEnv = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (['false', '0', 'no'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
    ctx.addIssue({ code: 'custom', message: 'at most 10 proxy hops' });
    return z.NEVER;
  }
  const addresses = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(addresses);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'false, a number of proxy hops, or proxy addresses/CIDRs (comma-separated; loopback, uniquelocal)',
    });
    return z.NEVER;
  }
  return addresses;
});

/**
 * Every setting Switchboard reads from the environment. Documented in
 * `.env.example`; defaults are safe for a developer machine.
 */
/** Comma-separated origins (`https://shop.example`), or `*` for any. */
const originListFromEnv = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.union([z.literal('*'), z.url().transform((url) => new URL(url).origin)])));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .default('mongodb://127.0.0.1:27017'),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only, at most 63')
    .default('switchboard'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,64}$/, 'letters, digits, _ : and - only')
    .default('sb'),
  /** Host pages allowed to embed the widget and open customer sockets. Default: any in development, none in production. */
  WIDGET_ALLOWED_ORIGINS: originListFromEnv.optional(),
  /** Extra origins allowed to use agent sessions (e.g. a Vite dev server); the server's own origin always is. */
  AGENT_ALLOWED_ORIGINS: originListFromEnv.default([]),
  /** Secret the host site signs customer identities with (HMAC-SHA256). Unset: identified customers are refused. */
  IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Messages one customer may send per 10 seconds (across all their chats and processes). */
  CUSTOMER_MESSAGE_RATE: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Messages one agent may send per 10 seconds. */
  AGENT_MESSAGE_RATE: z.coerce.number().int().min(1).max(100_000).default(60),
  /**
   * What this process does: `all` (HTTP, sockets and background workers), `web` (no workers)
   * or `worker` (workers; its HTTP port serves health and metrics, keep it out of the load balancer).
   */
  PROCESS_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  /**
   * Names this process inside its Socket.IO session ids (`<id>-…`), so a load
   * balancer can send a long-polling session's requests back to the process that
   * holds it without cookies (docs/deployment.md). Unset: engine.io's plain ids.
   */
  INSTANCE_ID: z
    .string()
    .regex(/^[a-z0-9]{1,16}$/, 'lowercase letters and digits, at most 16')
    .optional(),
  /** Socket.IO connections one client address may hold open on one process (then RATE_LIMITED at the handshake). */
  SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(50),
  /**
   * Bounds on every socket event, reads included, kept in each process's memory
   * (so per process): requests one socket may have running at once (its message
   * sends queue in their own line, up to eight times that), and cost
   * points per 10 s (a catch-up costs 2 + its conversations, lists 5, most
   * events 1) per visitor, per agent, and per client address on /customer
   * (agents' addresses get ten times the agent budget: offices share one).
   */
  SOCKET_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(32),
  VISITOR_EVENT_BUDGET: z.coerce.number().int().min(10).max(10_000_000).default(120),
  AGENT_EVENT_BUDGET: z.coerce.number().int().min(10).max(10_000_000).default(1_000),
  ADDRESS_EVENT_BUDGET: z.coerce.number().int().min(10).max(10_000_000).default(600),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Agent sessions end after this long without use (sliding) and at the latest after the max age. */
  AGENT_SESSION_IDLE_MS: z.coerce.number().int().min(1_000).default(43_200_000), // 12 h
  AGENT_SESSION_MAX_AGE_MS: z.coerce.number().int().min(1_000).default(604_800_000), // 7 days
  /** How long an agent's last socket may stay gone before their status turns offline (a reload must not flip it). */
  AGENT_OFFLINE_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** Sign-in attempts allowed per email and IP address within the window. */
  AGENT_SIGN_IN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(10),
  /** Sign-in attempts per IP address across every email (password spraying); successful ones are given back. */
  AGENT_SIGN_IN_ADDRESS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Failed sign-ins per account from addresses it never signed in from; its known addresses are never refused by it. */
  AGENT_SIGN_IN_ACCOUNT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100_000).default(50),
  AGENT_SIGN_IN_WINDOW_MS: z.coerce.number().int().min(1_000).default(900_000), // 15 min
  /** First admin, created at boot when no admin exists (idempotent). */
  ADMIN_EMAIL: z.email().max(254).optional(),
  ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').max(256).optional(),
  /** See {@link TrustProxy}. */
  TRUST_PROXY: trustProxyFromEnv.default(false),
  // Background jobs: idle check-ins, idle flags, transcripts. Durations are milliseconds or `90s`, `3m`, `1h`.
  /** Customer silent this long while the agent waits on them: post the check-in. */
  CUSTOMER_IDLE_NUDGE: durationFromEnv({ min: 100, max: 86_400_000 }).default(180_000),
  /** And this much longer after the check-in: close politely and send the transcript. */
  CUSTOMER_IDLE_CLOSE: durationFromEnv({ min: 100, max: 86_400_000 }).default(300_000),
  /** A customer message unanswered this long flags the chat to supervisors. */
  AGENT_REPLY_SLA: durationFromEnv({ min: 100, max: 86_400_000 }).default(120_000),
  /** The agent desk's "waiting on you" timer turns amber, then red, after this long (departments may move them). */
  DESK_REPLY_AMBER: durationFromEnv({ min: 1_000, max: 86_400_000 }).default(120_000),
  DESK_REPLY_RED: durationFromEnv({ min: 1_000, max: 86_400_000 }).default(240_000),
  /** Unset: off. Flagged this much longer: put the chat back in the queue (departments may override). */
  AGENT_IDLE_REQUEUE: durationFromEnv({ min: 100, max: 86_400_000 }).optional(),
  /** Email the transcript on close when the customer gave an address. */
  TRANSCRIPTS_ENABLED: booleanFromEnv.default(true),
  /** `smtp://user:pass@host:587` or `smtps://…`; unset writes `.eml` files to MAIL_OUTBOX_DIR. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender of every email; unset: the brand name of the widget settings <support@switchboard.localhost>. */
  MAIL_FROM: z.string().min(3).max(254).optional(),
  /**
   * The support mailbox customers answer: Reply-To of emails meant to be
   * answered (an agent's reply to a message left offline). Default: MAIL_FROM.
   */
  MAIL_REPLY_TO: z.string().min(3).max(254).optional(),
  /** How long the satisfaction link of a transcript email works after it was first sent. */
  RATING_LINK_TTL: durationFromEnv({ min: 60_000, max: 366 * 86_400_000 }).default(30 * 86_400_000),
  /** Default `.data/outbox` (a temp folder under NODE_ENV=test, so test runs leave nothing behind). */
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  /** SMTP attempts per transcript, and the first retry delay (doubling after). */
  TRANSCRIPT_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  TRANSCRIPT_BACKOFF: durationFromEnv({ min: 10, max: 3_600_000 }).default(5_000),
  // Routing: queues, assignment, wait estimates.
  /** Safety-net sweep: re-count agent loads from the conversations and route anything routable. */
  ROUTING_SWEEP: durationFromEnv({ min: 500, max: 3_600_000 }).default(15_000),
  /** Queue position and wait pushes are coalesced per department over this window. */
  ROUTING_QUEUE_DEBOUNCE: durationFromEnv({ min: 0, max: 60_000 }).default(250),
  /** Topics no department claims wait in the general queue; after this long any language will do. */
  ROUTING_GENERAL_LANGUAGE_FALLBACK: durationFromEnv({ min: 0, max: 86_400_000 }).default(60_000),
  /**
   * Safety net of the idle timers: every live chat without a pending timer (its
   * job failed for good, Redis lost it) gets one back within this long.
   */
  IDLE_TIMER_SWEEP: durationFromEnv({ min: 500, max: 3_600_000 }).default(300_000),
  // Outbound webhooks.
  /** How long a receiver has to answer one delivery. */
  WEBHOOK_TIMEOUT: durationFromEnv({ min: 100, max: 120_000 }).default(15_000),
  /** HTTP attempts per delivery, and the first retry delay (doubling after). */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  WEBHOOK_BACKOFF: durationFromEnv({ min: 10, max: 3_600_000 }).default(10_000),
  /** Deliveries failed for good in a row after which an endpoint is turned off (with a notice). */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(10),
  /** How long a rotated-away signing secret keeps signing beside the new one. */
  WEBHOOK_SECRET_OVERLAP: durationFromEnv({ min: 0, max: 30 * 86_400_000 }).default(86_400_000),
  /** Deliveries one worker process sends at once. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(16),
  /** How soon other processes see an endpoint added, changed or turned off. */
  WEBHOOK_REFRESH: durationFromEnv({ min: 100, max: 600_000 }).default(2_000),
  // Data protection.
  /** Closed conversations older than this many days are redacted or deleted; unset: kept for ever. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  RETENTION_ACTION: z.enum(['redact', 'delete']).default('redact'),
  /**
   * Links to files in a customer's data export work this long: the admin
   * passes the export on, and the customer needs time to download it.
   */
  DATA_EXPORT_LINK_TTL: durationFromEnv({ min: 60_000, max: 366 * 86_400_000 }).default(30 * 86_400_000),
  /** How often the retention job runs. */
  RETENTION_INTERVAL: durationFromEnv({ min: 500, max: 7 * 86_400_000 }).default(3_600_000),
  /** A job whose worker stops renewing its lock (crashed) for this long is run again elsewhere. */
  JOB_LOCK: durationFromEnv({ min: 500, max: 600_000 }).default(30_000),
  // Attachments: defaults until an admin saves their own (size, types, retention).
  /** Largest file one upload may carry (`10MB`, `512KB` or bytes). */
  ATTACHMENT_MAX_BYTES: bytesFromEnv.default(10 * 1024 * 1024),
  /** Types allowed, decided from the bytes (comma-separated MIME types Switchboard recognises). */
  ATTACHMENT_TYPES: typeListFromEnv.default([...DEFAULT_ATTACHMENT_TYPES]),
  /** Images with more pixels than this are refused before decoding (decompression bombs). */
  ATTACHMENT_MAX_PIXELS: z.coerce.number().int().min(1_000_000).max(1_000_000_000).default(40_000_000),
  /** Bytes all files of one conversation may add up to, so no visitor fills the disk. */
  ATTACHMENT_CONVERSATION_BYTES: bytesFromEnv.default(50 * 1024 * 1024),
  /** Files one customer may start uploading per 10 minutes. */
  CUSTOMER_UPLOAD_RATE: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Files are deleted this long after upload ("file removed" stays in the chat). */
  ATTACHMENT_RETENTION: durationFromEnv({ min: 60_000, max: 3650 * 86_400_000 }).default(90 * 86_400_000),
  /**
   * A file uploaded and never put in a message is deleted by the retention job once this old
   * (a composer's file is sent within minutes; a removed or forgotten one only holds room).
   */
  ATTACHMENT_UNSENT_AGE: durationFromEnv({ min: 600_000, max: 30 * 86_400_000 }).default(6 * 3_600_000),
  /** How often the retention job looks for files past retention. */
  ATTACHMENT_RETENTION_SWEEP: durationFromEnv({ min: 1_000, max: 86_400_000 }).default(3_600_000),
  /** Links to files in the apps work this long (each catch-up hands out fresh ones). */
  ATTACHMENT_LINK_TTL: durationFromEnv({ min: 60_000, max: 7 * 86_400_000 }).default(12 * 3_600_000),
  /** Links to files in transcript emails work this long. */
  ATTACHMENT_EMAIL_LINK_TTL: durationFromEnv({ min: 60_000, max: 366 * 86_400_000 }).default(7 * 86_400_000),
  /** Where the files' bytes are kept: GridFS (default) or an S3-compatible store (file-store-env.ts). */
  ...fileStoreEnv.shape,
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Omit<Env, 'PUBLIC_URL' | 'WIDGET_ALLOWED_ORIGINS'> {
  WIDGET_ALLOWED_ORIGINS: string[];
  PUBLIC_URL: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Reads and validates the environment; throws {@link ConfigError} listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set", as they do in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`));
  }
  const values = parsed.data;
  if (values.DESK_REPLY_RED <= values.DESK_REPLY_AMBER) {
    throw new ConfigError(['DESK_REPLY_RED: must be longer than DESK_REPLY_AMBER']);
  }
  const storeProblems = fileStoreProblems(values);
  if (storeProblems.length > 0) throw new ConfigError(storeProblems);
  if (values.NODE_ENV === 'production' && !values.PUBLIC_URL) {
    // Emails link back to it and origin checks behind a proxy rely on it.
    throw new ConfigError(['PUBLIC_URL: required in production (the https:// address customers and agents use)']);
  }
  return {
    ...values,
    PUBLIC_URL: values.PUBLIC_URL,
    WIDGET_ALLOWED_ORIGINS: values.WIDGET_ALLOWED_ORIGINS ?? (values.NODE_ENV === 'production' ? [] : ['*']),
  };
}
