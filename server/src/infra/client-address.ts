import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { TrustProxy } from '../config/config.js';

/** Whether the proxy at hop `index` (0: our peer) at `address` may be believed. */
export type TrustFn = (address: string, index: number) => boolean;

const NOBODY: TrustFn = () => false;

/** The same trust rule Express applies to `req.ip` and `req.protocol` (`app.set('trust proxy', …)`). */
export function compileTrust(setting: TrustProxy): TrustFn {
  if (setting === false) return NOBODY;
  if (typeof setting === 'number') return (_address, index) => index < setting;
  return proxyAddr.compile(setting);
}

/**
 * The client's address as the trusted proxies report it: walking
 * `X-Forwarded-For` from the right (the entry our own proxy wrote) past every
 * trusted hop, the first untrusted entry. Entries left of it are whatever the
 * client sent and are never read, so a forged header cannot pick the address
 * that rate limits and blocks are keyed on. Without trust it is the peer.
 */
export function clientAddress(request: IncomingMessage, trust: TrustFn): string {
  return normalize(proxyAddr(request, trust));
}

/** `X-Forwarded-Proto`/`-Host` count only when our peer is a trusted proxy (as Express reads them). */
export function peerIsTrustedProxy(request: IncomingMessage, trust: TrustFn): boolean {
  const peer = request.socket.remoteAddress;
  return peer !== undefined && trust(peer, 0);
}

/** `::ffff:203.0.113.7` and `203.0.113.7` are one client: one key for limits and blocks. */
export function normalize(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
