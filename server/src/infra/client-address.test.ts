import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress, compileTrust, peerIsTrustedProxy } from './client-address.js';

function requestFrom(peer: string, forwardedFor?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const request = new IncomingMessage(socket);
  if (forwardedFor !== undefined) request.headers['x-forwarded-for'] = forwardedFor;
  return request;
}

describe('clientAddress', () => {
  it('is the peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress(requestFrom('203.0.113.9', '10.9.0.1'), compileTrust(false))).toBe('203.0.113.9');
  });

  it('takes the right-most entry past the trusted hops, never what the client wrote on the left', () => {
    const oneHop = compileTrust(1);
    expect(clientAddress(requestFrom('127.0.0.1', '10.9.0.1, 203.0.113.9'), oneHop)).toBe('203.0.113.9');
    expect(clientAddress(requestFrom('127.0.0.1', '203.0.113.9'), oneHop)).toBe('203.0.113.9');
    const twoHops = compileTrust(2);
    expect(clientAddress(requestFrom('127.0.0.1', '10.9.0.1, 203.0.113.9, 192.0.2.1'), twoHops)).toBe('203.0.113.9');
  });

  it('skips listed proxies from the right and stops at the first address not listed', () => {
    const listed = compileTrust(['loopback', '10.0.0.0/8']);
    expect(clientAddress(requestFrom('127.0.0.1', '198.51.100.1, 203.0.113.9, 10.1.2.3'), listed)).toBe('203.0.113.9');
    // A peer that is not a listed proxy is the client itself: its header is ignored.
    expect(clientAddress(requestFrom('203.0.113.50', '10.1.2.3'), listed)).toBe('203.0.113.50');
    expect(peerIsTrustedProxy(requestFrom('203.0.113.50'), listed)).toBe(false);
    expect(peerIsTrustedProxy(requestFrom('127.0.0.1'), listed)).toBe(true);
  });

  it('gives IPv4-mapped IPv6 addresses and plain IPv4 one key', () => {
    expect(clientAddress(requestFrom('::ffff:203.0.113.9'), compileTrust(false))).toBe('203.0.113.9');
  });
});
