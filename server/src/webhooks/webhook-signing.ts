import { createHmac, randomBytes } from 'node:crypto';

/** Header names of every delivery (docs/webhooks.md shows how receivers use them). */
export const WEBHOOK_HEADERS = {
  delivery: 'switchboard-delivery',
  event: 'switchboard-event',
  signature: 'switchboard-signature',
} as const;

/** A new signing secret: 32 random bytes, prefixed so people recognise it in their config. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `t=<unix seconds>,v1=<hex>[,v1=<hex>]`: HMAC-SHA256 of `<t>.<body>` under
 * each secret in force (the current one first, then one being rotated away),
 * so a receiver holding either accepts the delivery. The timestamp is signed
 * too, so a captured delivery cannot be replayed later with a fresh one.
 */
export function signatureHeader(secrets: readonly string[], timestampSeconds: number, body: string): string {
  const signed = `${timestampSeconds}.${body}`;
  const signatures = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(signed).digest('hex')}`);
  return [`t=${timestampSeconds}`, ...signatures].join(',');
}
